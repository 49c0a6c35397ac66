package org.smpframe.runtime.cluster;

import org.smpframe.api.SmpProgram;
import org.smpframe.data.LabeledDataset;
import org.smpframe.lasso.CorrelatedDesign;
import org.smpframe.lasso.LassoConfig;
import org.smpframe.lda.LdaConfig;
import org.smpframe.lda.LdaMethod;
import org.smpframe.lda.LdaTrainer;
import org.smpframe.lda.SyntheticCorpus;
import org.smpframe.lasso.LassoTrainer;

/** The jobs the multi-process tests run: generated data, so a worker process can build the same program. */
final class TestJobs {
    static final LabeledDataset LASSO_DATA = new CorrelatedDesign(600, 200, 4, 0.5, 12, 0.1, 21).generate();
    static final LassoConfig LASSO = LassoConfig.builder().lambda(0.02).scheduler("smp").seed(5).build();

    static final SyntheticCorpus CORPUS = SyntheticCorpus.generate(8, 400, 200, 80, 0.2, 31);

    private TestJobs() {
    }

    static LdaConfig lda(int iterations) {
        return LdaConfig.builder().topics(8).iterations(iterations).evaluateEvery(2).seed(9)
                .method(LdaMethod.ROTATION).blocksPerWorker(2).build();
    }

    /** The program of job {@code name} ("lasso", or "lda:ITERATIONS"). */
    static SmpProgram<?, ?, ?> program(String name) {
        if (name.equals("lasso")) {
            return new LassoTrainer(LASSO).program(LASSO_DATA);
        }
        if (name.startsWith("lda:")) {
            return new LdaTrainer(lda(Integer.parseInt(name.substring(4)))).program(CORPUS.corpus());
        }
        throw new IllegalArgumentException("unknown test job " + name);
    }
}
