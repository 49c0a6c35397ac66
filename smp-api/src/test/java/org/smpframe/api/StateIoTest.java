package org.smpframe.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class StateIoTest {

    @Test
    void toBytesHoldsWhatTheWriterWroteAndReadsBack() throws IOException {
        double[] values = {1.5, -2.25, Double.MIN_VALUE};
        int[] ids = {7, 0, 3};
        byte[] b = StateIo.toBytes(out -> {
            StateIo.writeDoubles(out, values);
            StateIo.writeInts(out, ids);
            out.writeLong(42);
        });
        assertThat(b).hasSize(4 + 8 * 3 + 4 + 4 * 3 + 8);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(b));
        assertThat(StateIo.readDoubles(in, 3, "values")).containsExactly(values);
        assertThat(StateIo.readInts(in, 3, "ids")).containsExactly(ids);
        assertThat(in.readLong()).isEqualTo(42);
        assertThat(in.available()).isZero();
    }

    @Test
    void aWritersOwnFailureComesBackUncheckedWithItsMessage() {
        assertThatThrownBy(() -> StateIo.toBytes(out -> {
            throw new IOException("the state is not ready");
        })).isInstanceOf(UncheckedIOException.class).hasMessage("the state is not ready")
                .hasCauseInstanceOf(IOException.class);
    }
}
