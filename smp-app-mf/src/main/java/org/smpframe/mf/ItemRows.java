package org.smpframe.mf;

import java.nio.ByteBuffer;
import org.smpframe.api.Wire;
import org.smpframe.api.WireFormat;

/**
 * Rows of H for a set of items ({@code values} row-major, {@code columns} per item): a worker's changes since
 * the last merge (the SGD partial) or the merged values (the SGD commit).
 */
public record ItemRows(int columns, int[] items, double[] values) {
    public static final int FORMAT_VERSION = 1;

    public static final WireFormat<ItemRows> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(ItemRows r) {
            return 8 + Wire.intArraySize(r.items) + Wire.doubleArraySize(r.values);
        }

        @Override
        public void write(ItemRows r, ByteBuffer out) {
            out.putInt(FORMAT_VERSION);
            out.putInt(r.columns);
            Wire.putIntArray(out, r.items);
            Wire.putDoubleArray(out, r.values);
        }

        @Override
        public ItemRows read(ByteBuffer in) {
            Wire.expectVersion(in, FORMAT_VERSION, "ItemRows");
            return new ItemRows(in.getInt(), Wire.getIntArray(in), Wire.getDoubleArray(in));
        }
    };
}
