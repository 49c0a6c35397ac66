package org.smpframe.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RegularizationPathTest {

    @Test
    void aSingleLambdaNeverComputesLambdaMax() {
        double[] one = RegularizationPath.of(0.3, 0, 1e-2, () -> {
            throw new AssertionError("lambda_max is not needed for one lambda");
        }, "data", "unused");
        assertThat(one).containsExactly(0.3);
    }

    @Test
    void aPathRunsLogSpacedFromLambdaMax() {
        double[] path = RegularizationPath.of(0.3, 3, 1e-2, () -> 10.0, "data", "unused");
        assertThat(path[0]).isEqualTo(10.0);
        assertThat(path[1]).isCloseTo(1.0, within(1e-12));
        assertThat(path[2]).isCloseTo(0.1, within(1e-12));
        assertThatThrownBy(() -> RegularizationPath.of(0.3, 3, 1e-2, () -> 0.0, "train.svm", "nothing fits"))
                .hasMessage("train.svm: nothing fits (lambda_max = 0): there is no path to fit");
    }
}
