package org.smpframe.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.smpframe.api.RoundListener;
import org.smpframe.data.LabeledDataset;
import org.smpframe.data.Ratings;
import org.smpframe.lasso.CorrelatedDesign;
import org.smpframe.lasso.LassoConfig;
import org.smpframe.lasso.LassoListener;
import org.smpframe.lasso.LassoResult;
import org.smpframe.lasso.LassoTrainer;
import org.smpframe.lda.LdaConfig;
import org.smpframe.lda.LdaMethod;
import org.smpframe.lda.LdaResult;
import org.smpframe.lda.LdaTrainer;
import org.smpframe.lda.SyntheticCorpus;
import org.smpframe.mf.LowRankRatings;
import org.smpframe.mf.MfConfig;
import org.smpframe.mf.MfMethod;
import org.smpframe.mf.MfResult;
import org.smpframe.mf.MfTrainer;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/**
 * The same app on the cluster runtime (coordinator + 2 workers over TCP) and on the embedded runtime with 2
 * workers gives bit-identical results: the runtimes differ in where code runs, never in what it computes.
 */
@Timeout(120)
class ClusterRuntimeTest {

    @Test
    void lassoPathIsIdenticalToEmbedded() throws Exception {
        LabeledDataset data = new CorrelatedDesign(400, 120, 4, 0.5, 10, 0.1, 7).generate();
        LassoConfig config = LassoConfig.builder().path(4, 0.05).scheduler("smp").seed(3).build();
        LassoResult embedded = new LassoTrainer(config).fit(data, new EmbeddedRuntime(2), LassoListener.NONE);
        LassoResult cluster = InProcessCluster.run(2, (job, w, n) -> new LassoTrainer(config).program(data),
                rt -> new LassoTrainer(config).fit(data, rt, LassoListener.NONE));
        assertThat(cluster.stages()).hasSameSizeAs(embedded.stages());
        for (int s = 0; s < embedded.stages().size(); s++) {
            assertThat(cluster.stages().get(s).objective()).isEqualTo(embedded.stages().get(s).objective());
            assertThat(cluster.stages().get(s).summary().rounds()).isEqualTo(embedded.stages().get(s).summary().rounds());
        }
        assertThat(cluster.finalModel().coefficients()).containsExactly(embedded.finalModel().coefficients());
    }

    @Test
    void rotationLdaIsIdenticalToEmbedded() throws Exception {
        SyntheticCorpus synthetic = SyntheticCorpus.generate(5, 200, 120, 60, 0.2, 11);
        LdaConfig config = LdaConfig.builder().topics(5).iterations(12).evaluateEvery(4).seed(5)
                .method(LdaMethod.ROTATION).blocksPerWorker(2).build();
        LdaResult embedded = new LdaTrainer(config).fit(synthetic.corpus(), null, new EmbeddedRuntime(2), RoundListener.NONE);
        LdaResult cluster = InProcessCluster.run(2, (job, w, n) -> new LdaTrainer(config).program(synthetic.corpus()),
                rt -> new LdaTrainer(config).fit(synthetic.corpus(), null, rt, RoundListener.NONE));
        assertThat(cluster.logLikelihood()).isEqualTo(embedded.logLikelihood());
        for (int w = 0; w < 200; w++) {
            for (int k = 0; k < 5; k++) {
                assertThat(cluster.model().count(w, k)).isEqualTo(embedded.model().count(w, k));
            }
        }
        assertThat(cluster.summary().traffic().blockMoves()).isPositive();
    }

    @Test
    void dataParallelLdaIsIdenticalToEmbedded() throws Exception {
        SyntheticCorpus synthetic = SyntheticCorpus.generate(4, 150, 80, 50, 0.2, 13);
        LdaConfig config = LdaConfig.builder().topics(4).iterations(6).evaluateEvery(3).seed(2)
                .method(LdaMethod.DATA_PARALLEL).build();
        LdaResult embedded = new LdaTrainer(config).fit(synthetic.corpus(), null, new EmbeddedRuntime(2), RoundListener.NONE);
        LdaResult cluster = InProcessCluster.run(2, (job, w, n) -> new LdaTrainer(config).program(synthetic.corpus()),
                rt -> new LdaTrainer(config).fit(synthetic.corpus(), null, rt, RoundListener.NONE));
        assertThat(cluster.logLikelihood()).isEqualTo(embedded.logLikelihood());
    }

    @Test
    void rotationMatrixFactorizationIsIdenticalToEmbedded() throws Exception {
        Ratings train = LowRankRatings.generate(150, 90, 3, 0.2, 3.5, 0.1, 17);
        MfConfig config = MfConfig.builder().rank(3).iterations(5).method(MfMethod.ROTATION).blocksPerWorker(2)
                .seed(4).build();
        MfResult embedded = new MfTrainer(config).fit(train, null, new EmbeddedRuntime(2), RoundListener.NONE);
        MfResult cluster = InProcessCluster.run(2, (job, w, n) -> new MfTrainer(config).program(train, null),
                rt -> new MfTrainer(config).fit(train, null, rt, RoundListener.NONE));
        assertThat(cluster.objective()).isEqualTo(embedded.objective());
        for (int u = 0; u < embedded.model().numUsers(); u++) {
            assertThat(cluster.model().userFactor(u, 0)).isEqualTo(embedded.model().userFactor(u, 0));
        }
    }

    @Test
    void hogwildMatrixFactorizationIsIdenticalToEmbedded() throws Exception {
        Ratings train = LowRankRatings.generate(120, 80, 3, 0.2, 3.5, 0.1, 19);
        MfConfig config = MfConfig.builder().rank(3).iterations(3).method(MfMethod.HOGWILD).seed(6).build();
        MfResult embedded = new MfTrainer(config).fit(train, null, new EmbeddedRuntime(2), RoundListener.NONE);
        MfResult cluster = InProcessCluster.run(2, (job, w, n) -> new MfTrainer(config).program(train, null),
                rt -> new MfTrainer(config).fit(train, null, rt, RoundListener.NONE));
        assertThat(cluster.objective()).isEqualTo(embedded.objective());
        for (int j = 0; j < embedded.model().numItems(); j++) {
            assertThat(cluster.model().itemFactor(j, 1)).isEqualTo(embedded.model().itemFactor(j, 1));
        }
    }
}
