package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class InputExceptionTest {

    @Test
    void messageHasFileLineAndReason() {
        InputException e = new InputException("train.svm", 12, "invalid label 'x': not a number");
        assertThat(e.getMessage()).isEqualTo("train.svm:12: invalid label 'x': not a number");
        assertThat(e.file()).isEqualTo("train.svm");
        assertThat(e.line()).isEqualTo(12);
        assertThat(e.reason()).isEqualTo("invalid label 'x': not a number");
        assertThat(e.getCause()).isNull();
    }

    @Test
    void noLineMeansFileAndReasonOnly() {
        assertThat(new InputException("a.svm", 0, "file not found").getMessage()).isEqualTo("a.svm: file not found");
        InputException negative = new InputException("a.svm", -5, "x");
        assertThat(negative.getMessage()).isEqualTo("a.svm: x");
        assertThat(negative.line()).isZero();
    }

    @Test
    void keepsCause() {
        IOException cause = new IOException("boom");
        InputException e = new InputException("a.svm", 3, "read error", cause);
        assertThat(e.getCause()).isSameAs(cause);
        assertThat(e.getMessage()).isEqualTo("a.svm:3: read error");
        assertThat(e).isInstanceOf(RuntimeException.class);
    }
}
