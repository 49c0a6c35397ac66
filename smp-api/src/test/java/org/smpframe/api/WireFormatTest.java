package org.smpframe.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class WireFormatTest {
    @Test
    void sharedAndPartitionedSchedulesRoundTrip() {
        Schedule shared = Schedule.shared(42, new int[] {3, 1, 4, 1, 5});
        assertThat(Schedule.FORMAT.roundTrip(shared)).isEqualTo(shared);
        Schedule parts = Schedule.partitioned(7, new int[] {2, 0, 1}, new int[] {0, 1, 1, 3});
        Schedule back = Schedule.FORMAT.roundTrip(parts);
        assertThat(back).isEqualTo(parts);
        assertThat(back.from(2)).isEqualTo(1);
        assertThat(back.to(2)).isEqualTo(3);
        assertThat(back.numWorkers()).isEqualTo(3);
    }

    @Test
    void aMessageOfAnotherVersionIsRefusedWithItsName() {
        ByteBuffer buf = Schedule.FORMAT.encode(Schedule.shared(1, new int[] {1}));
        buf.putInt(0, 99);
        assertThatThrownBy(() -> Schedule.FORMAT.read(buf))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("Schedule").hasMessageContaining("99");
    }

    @Test
    void aCorruptArrayLengthIsRefusedBeforeAllocating() {
        ByteBuffer buf = Schedule.FORMAT.encode(Schedule.shared(1, new int[] {1, 2}));
        buf.putInt(12, Integer.MAX_VALUE); // the params length, after version (4) and round (8)
        assertThatThrownBy(() -> Schedule.FORMAT.read(buf))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("does not fit");
    }

    @Test
    void arraysOfEveryTypeRoundTripInBulk() {
        double[] d = {1.5, -0.0, Double.MIN_VALUE, 1e300};
        float[] f = {1.5f, -2f};
        int[] i = {Integer.MIN_VALUE, 0, 7};
        ByteBuffer buf = ByteBuffer.allocate(Wire.doubleArraySize(d) + Wire.floatArraySize(f) + Wire.intArraySize(i));
        Wire.putDoubleArray(buf, d);
        Wire.putFloatArray(buf, f);
        Wire.putIntArray(buf, i);
        assertThat(buf.hasRemaining()).isFalse();
        buf.flip();
        assertThat(Wire.getDoubleArray(buf)).containsExactly(d);
        assertThat(Wire.getFloatArray(buf)).containsExactly(f);
        assertThat(Wire.getIntArray(buf)).containsExactly(i);
    }

    @Test
    void partitionedSplitMustCoverTheParametersInOrder() {
        assertThatThrownBy(() -> Schedule.partitioned(0, new int[] {1, 2}, new int[] {0, 2, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Schedule.partitioned(0, new int[] {1, 2}, new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
