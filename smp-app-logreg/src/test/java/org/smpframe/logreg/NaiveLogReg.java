package org.smpframe.logreg;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import org.smpframe.data.CsrMatrix;
import org.smpframe.data.LabeledDataset;

/** The objective straight from its definition, and liblinear-java's L1R_LR solution, for the tests. */
final class NaiveLogReg {
    private NaiveLogReg() {
    }

    /** (1/n) Σ log(1 + exp(−y_i (x_i·w + b))) + λ‖w‖₁ with labels ≤ 0 meaning −1; b = 0 when NaN. */
    static double objective(LabeledDataset data, double[] w, double b, double lambda) {
        CsrMatrix x = data.features();
        double loss = 0;
        for (int i = 0; i < x.numRows; i++) {
            double m = Double.isNaN(b) ? 0 : b;
            for (int e = x.rowPtr[i]; e < x.rowPtr[i + 1]; e++) {
                m += x.values[e] * w[x.colIdx[e]];
            }
            double y = data.labels()[i] > 0 ? 1 : -1;
            double t = -y * m;
            loss += t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
        }
        double l1 = 0;
        for (double v : w) {
            l1 += Math.abs(v);
        }
        return loss / x.numRows + lambda * l1;
    }

    static double objective(LabeledDataset data, LogRegModel model, double lambda) {
        return objective(data, model.weights(), model.bias(), lambda);
    }

    /** liblinear-java's L1R_LR at C = 1/(nλ), bias unpenalized; returns {w..., b}. */
    static double[] liblinear(LabeledDataset data, double lambda, double eps) {
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
        Parameter par = new Parameter(SolverType.L1R_LR, 1.0 / (prob.l * lambda), eps);
        par.setRegularizeBias(false);
        Linear.disableDebugOutput();
        Model m = Linear.train(prob, par);
        double[] fw = m.getFeatureWeights();
        // Weights are for the model's first label; flip when liblinear put -1 first.
        double sign = m.getLabels()[0] == 1 ? 1 : -1;
        double[] out = new double[fw.length];
        for (int j = 0; j < fw.length; j++) {
            out[j] = sign * fw[j];
        }
        return out;
    }
}
