package org.smpframe.bench.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Runs a local Spark (about 10 s): only built with -Pspark, like the whole module. */
class SparkAlsBaselineTest {

  /** 60 users x 40 items, rank-2 ratings plus noise; half of the entries train, a quarter test. */
  private static AlsProblem syntheticProblem() {
    Random rnd = new Random(7);
    int users = 60;
    int items = 40;
    double[][] u = new double[users][2];
    double[][] v = new double[items][2];
    for (double[] row : u) { row[0] = 1 + rnd.nextDouble(); row[1] = rnd.nextGaussian(); }
    for (double[] row : v) { row[0] = 1 + rnd.nextDouble(); row[1] = rnd.nextGaussian(); }
    int[] tu = new int[users * items]; int[] ti = new int[users * items]; float[] tr = new float[users * items];
    int[] su = new int[users * items + 1]; int[] si = new int[users * items + 1]; float[] sr = new float[users * items + 1];
    int nt = 0;
    int ns = 0;
    for (int a = 0; a < users; a++) {
      for (int b = 0; b < items; b++) {
        float r = (float) (u[a][0] * v[b][0] + u[a][1] * v[b][1] + 0.1 * rnd.nextGaussian());
        double p = rnd.nextDouble();
        if (p < 0.5) { tu[nt] = a; ti[nt] = b; tr[nt++] = r; }
        else if (p < 0.75) { su[ns] = a; si[ns] = b; sr[ns++] = r; }
      }
    }
    // One test rating of an item that has no training rating: must be dropped.
    su[ns] = 0; si[ns] = items; sr[ns++] = 3f;
    return new AlsProblem(java.util.Arrays.copyOf(tu, nt), java.util.Arrays.copyOf(ti, nt),
        java.util.Arrays.copyOf(tr, nt), java.util.Arrays.copyOf(su, ns), java.util.Arrays.copyOf(si, ns),
        java.util.Arrays.copyOf(sr, ns));
  }

  @Test
  void runFitsOncePerIterationCountAndTheTrainingErrorFalls() {
    AlsProblem problem = syntheticProblem();
    SparkAlsBaseline.Details d = SparkAlsBaseline.runDetailed(problem, 2, 0.01, 4, 2, 1L, 2);
    List<AlsPoint> points = d.points();

    assertThat(d.droppedTestRatings()).isEqualTo(1);
    assertThat(d.fitSecondsByRepeat()).hasDimensions(4, 2); // and the second sweep reproduced the RMSEs
    assertThat(points).extracting(AlsPoint::iterations).containsExactly(1, 2, 3, 4);
    assertThat(points).allSatisfy(p -> {
      assertThat(p.fitSeconds()).isPositive();
      assertThat(p.trainRmse()).isFinite();
      assertThat(p.testRmse()).isFinite();
    });
    assertThat(points.get(3).trainRmse()).isLessThan(points.get(0).trainRmse());
    assertThat(points.get(3).trainRmse()).isLessThan(0.2); // noise is 0.1
    assertThat(points.get(3).testRmse()).isLessThan(0.3);
  }

  @Test
  void plainJavaRmseEqualsSparksEvaluatorWithColdStartDrop() {
    AlsProblem p = syntheticProblem();
    SparkSession spark = SparkAlsBaseline.newSession(2);
    try {
      Dataset<Row> train = SparkAlsBaseline.ratingsFrame(spark, p.trainUsers(), p.trainItems(), p.trainRatings());
      Dataset<Row> test = SparkAlsBaseline.ratingsFrame(spark, p.testUsers(), p.testItems(), p.testRatings());
      ALSModel model = SparkAlsBaseline.newAls(2, 0.05, 2, 3L).setMaxIter(3).fit(train);
      RegressionEvaluator evaluator = new RegressionEvaluator()
          .setMetricName("rmse").setLabelCol("rating").setPredictionCol("prediction");
      double sparkTrain = evaluator.evaluate(model.transform(train));
      double sparkTest = evaluator.evaluate(model.transform(test));

      float[][] uf = SparkAlsBaseline.collectFactors(model.userFactors(), p.numUsers());
      float[][] vf = SparkAlsBaseline.collectFactors(model.itemFactors(), p.numItems());
      double javaTrain = SparkAlsBaseline.rmse(uf, vf, p.trainUsers(), p.trainItems(), p.trainRatings(), null);
      double javaTest = SparkAlsBaseline.rmse(uf, vf, p.testUsers(), p.testItems(), p.testRatings(), p.unseenTest());

      assertThat(javaTrain).isCloseTo(sparkTrain, within(1e-5));
      assertThat(javaTest).isCloseTo(sparkTest, within(1e-5));
    } finally {
      spark.stop();
    }
  }
}
