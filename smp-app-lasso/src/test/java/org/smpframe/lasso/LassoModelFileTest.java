package org.smpframe.lasso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smpframe.data.CsrMatrix;
import org.smpframe.data.InputException;

class LassoModelFileTest {
    @TempDir
    Path dir;

    @Test
    void savedModelReadsBackIdentically() throws IOException {
        LassoModel m = new LassoModel(new double[] {0, 1.25, 0, -3e-7, 0}, 4.5, Map.of("lambda", "0.1"));
        Path f = dir.resolve("model.txt");
        m.save(f);
        LassoModel back = LassoModel.read(f);
        assertThat(back.coefficients()).containsExactly(m.coefficients());
        assertThat(back.intercept()).isEqualTo(4.5);
        assertThat(back.lambda()).isEqualTo(0.1);
        assertThat(back.nonzeros()).isEqualTo(2);
        double[] pred = back.predict(CsrMatrix.fromDense(new double[][] {{1, 2, 3, 0, 5}}));
        assertThat(pred[0]).isEqualTo(4.5 + 2.5);
    }

    @Test
    void defectsAreReportedWithFileAndLine() throws IOException {
        assertError("smpframe-lasso 1\nfeatures 3\nintercept 1\ncoefficients 1\n4 1.0\n", 5, "outside 1..3");
        assertError("smpframe-lasso 1\nfeatures 3\nintercept 1\ncoefficients 2\n2 1.0\n", 6, "truncated");
        assertError("smpframe-lasso 1\nfeatures 3\nintercept NaN\n", 3, "finite");
        assertError("smpframe-lasso 1\nfeatures 3\nintercept 1\ncoefficients 2\n2 1.0\n1 2.0\n", 6, "not after");
        assertError("smpframe-lasso 2\n", 1, "version");
        assertError("hello\n", 1, "not an SMPFrame Lasso model");
        assertError("", 0, "empty");
        assertError("smpframe-lasso 1\nfeatures x\n", 2, "integer");
        assertError("smpframe-lasso 1\nfeatures 2\nintercept 0\ncoefficients 1\n1 abc\n", 5, "number");
    }

    @Test
    void missingFileIsAClearError() {
        assertThatThrownBy(() -> LassoModel.read(dir.resolve("nope.txt")))
                .isInstanceOf(InputException.class).hasMessageContaining("not found");
    }

    private void assertError(String content, int line, String reason) throws IOException {
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, content);
        assertThatThrownBy(() -> LassoModel.read(f))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.reason()).contains(reason);
                });
    }
}
