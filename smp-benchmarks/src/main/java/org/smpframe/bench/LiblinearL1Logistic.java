package org.smpframe.bench;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import org.smpframe.data.CsrMatrix;
import org.smpframe.data.LabeledDataset;

/**
 * The peer of the logistic-regression benchmark: liblinear-java's L1R_LR (newGLMNET, single-threaded).
 *
 * <p>Scaling: L1R_LR minimizes ‖w‖₁ + C Σ_i log(1 + exp(−y_i w·x_i)), n·C times our
 * (1/n) Σ_i log(1 + exp(−y_i w·x_i)) + λ‖w‖₁ when C = 1/(nλ). The bias is liblinear's extra feature of value 1,
 * left unpenalized ({@code setRegularizeBias(false)}) as ours is. The problem is converted once, outside the
 * timed part; liblinear's own file reader is not used (it refuses the empty trailing line of w8a).
 */
final class LiblinearL1Logistic {
    private final LabeledDataset data;
    private final Problem problem;

    LiblinearL1Logistic(LabeledDataset data) {
        this.data = data;
        CsrMatrix x = data.features();
        Problem prob = new Problem();
        prob.l = x.numRows;
        prob.n = x.numCols + 1;
        prob.bias = 1;
        prob.y = new double[prob.l];
        prob.x = new Feature[prob.l][];
        for (int i = 0; i < prob.l; i++) {
            prob.y[i] = data.labels()[i] > 0 ? 1 : -1;
            int len = x.rowPtr[i + 1] - x.rowPtr[i];
            Feature[] row = new Feature[len + 1];
            for (int k = 0; k < len; k++) {
                int e = x.rowPtr[i] + k;
                row[k] = new FeatureNode(x.colIdx[e] + 1, x.values[e]);
            }
            row[len] = new FeatureNode(prob.n, 1.0);
            prob.x[i] = row;
        }
        this.problem = prob;
        Linear.disableDebugOutput();
    }

    /** One solve at λ with liblinear's stopping tolerance eps; its seconds and the objective in our scaling. */
    Solve solve(double lambda, double eps) {
        Parameter par = new Parameter(SolverType.L1R_LR, 1.0 / (problem.l * lambda), eps);
        par.setRegularizeBias(false);
        long start = System.nanoTime();
        Model m = Linear.train(problem, par);
        double seconds = (System.nanoTime() - start) * 1e-9;
        double[] w = m.getFeatureWeights();
        // Weights are for liblinear's first label; it puts +1 first for -1/+1 data, but not for 0/1 data.
        double sign = m.getLabels()[0] == 1 ? 1 : -1;
        CsrMatrix x = data.features();
        double loss = 0;
        for (int i = 0; i < x.numRows; i++) {
            double margin = sign * w[x.numCols];
            for (int e = x.rowPtr[i]; e < x.rowPtr[i + 1]; e++) {
                margin += sign * w[x.colIdx[e]] * x.values[e];
            }
            double t = -problem.y[i] * margin;
            loss += t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
        }
        double l1 = 0;
        int nnz = 0;
        for (int j = 0; j < x.numCols; j++) {
            l1 += Math.abs(w[j]);
            nnz += w[j] != 0 ? 1 : 0;
        }
        return new Solve(seconds, loss / x.numRows + lambda * l1, nnz);
    }

    /**
     * @param seconds   wall time of Linear.train
     * @param objective (1/n) Σ log(1 + exp(−y_i (w·x_i + b))) + λ‖w‖₁ of its solution
     * @param nonzeros  nonzero feature weights
     */
    record Solve(double seconds, double objective, int nonzeros) {
    }
}
