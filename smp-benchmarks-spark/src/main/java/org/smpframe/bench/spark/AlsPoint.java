package org.smpframe.bench.spark;

/**
 * One Spark ALS fit from scratch with {@code maxIter = iterations}: the wall-clock seconds of the fit alone
 * ({@code als.fit} plus materializing both factor tables) and the RMSE of the fitted factors on the training
 * ratings and on the test ratings whose user and item were seen in training.
 */
public record AlsPoint(int iterations, double fitSeconds, double trainRmse, double testRmse) {}
