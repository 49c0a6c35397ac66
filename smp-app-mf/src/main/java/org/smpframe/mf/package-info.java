/**
 * Matrix factorization on SMPFrame: r̂ᵢⱼ = wᵢ·hⱼ (optionally μ + bᵢ + cⱼ + wᵢ·hⱼ) fitted by minimizing
 * Σ_(i,j)∈Ω (rᵢⱼ − r̂ᵢⱼ)² + λ(Σᵢ cᵢ‖wᵢ‖² + Σⱼ cⱼ‖hⱼ‖²), with cᵢ, cⱼ the numbers of training ratings
 * ({@link org.smpframe.mf.Regularization#WEIGHTED}, the default, as Spark's ALS) or 1 (plain).
 *
 * <p>The scheduled method is CCD++ (Yu, Hsieh, Si and Dhillon, ICDM 2012) on the rotation schedule
 * ({@link org.smpframe.mf.CcdProgram}): users are sharded across workers, which keep their users' factors and
 * residuals; the item factors are cut into blocks that move around the ring of workers
 * ({@link org.smpframe.api.MovingBlocks}), so each block is updated by one worker at a time and no update ever
 * conflicts. Every coordinate update is an exact minimization, so the objective never increases, and the
 * result does not depend on the number of workers beyond the order of floating-point sums. The unscheduled
 * baseline is parallel SGD with uncoordinated merges of item-factor changes ({@link org.smpframe.mf.SgdProgram}).
 *
 * <p>Entry point: {@link org.smpframe.mf.MfTrainer}; models: {@link org.smpframe.mf.MfModel}.
 */
package org.smpframe.mf;
