package org.smpframe.lda;

import java.nio.ByteBuffer;
import org.smpframe.api.Wire;
import org.smpframe.api.WireFormat;

/**
 * One worker's share of the joint log-likelihood log p(w, z) as of the end of iteration {@code iteration}: the
 * document part Σ_d [Σ_k lnΓ(n_dk + α) − lnΓ(n_d + Kα)] of its documents and the word part
 * Σ_{w,k} [lnΓ(n_wk + β) − lnΓ(β)] of the vocabulary blocks it measured (each block is measured by one worker),
 * with its numbers of documents and tokens.
 */
public record LdaStats(long iteration, double docPart, double wordPart, long docs, long tokens) {
    public static final int FORMAT_VERSION = 1;

    static final LdaStats NONE = new LdaStats(0, 0, 0, 0, 0);

    public static final WireFormat<LdaStats> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(LdaStats s) {
            return 4 + 8 * 5;
        }

        @Override
        public void write(LdaStats s, ByteBuffer out) {
            out.putInt(FORMAT_VERSION);
            out.putLong(s.iteration).putDouble(s.docPart).putDouble(s.wordPart).putLong(s.docs).putLong(s.tokens);
        }

        @Override
        public LdaStats read(ByteBuffer in) {
            Wire.expectVersion(in, FORMAT_VERSION, "LdaStats");
            return new LdaStats(in.getLong(), in.getDouble(), in.getDouble(), in.getLong(), in.getLong());
        }
    };
}
