package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The strict UTF-8 check agrees with the JDK's reporting decoder, and code points decode as the JDK does. */
class Utf8Test {

    private static boolean jdkAccepts(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Property(tries = 2000)
    void agreesWithTheJdkDecoder(@ForAll long seed) {
        Random r = new Random(seed);
        byte[] b = new byte[r.nextInt(12)];
        for (int i = 0; i < b.length; i++) {
            // Mostly bytes near the interesting boundaries of lead and continuation bytes.
            b[i] = (byte) (r.nextInt(3) == 0 ? r.nextInt(256)
                    : CorpusSamples.pick(r, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                    0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF));
        }
        boolean valid = Utf8.invalidAt(b, 0, b.length) < 0;
        assertThat(valid).as("%s", java.util.Arrays.toString(b)).isEqualTo(jdkAccepts(b));
        if (valid) {
            String s = new String(b, StandardCharsets.UTF_8);
            assertThat(Utf8.decode(b, 0, b.length)).isEqualTo(s);
            int p = 0;
            int k = 0;
            while (p < b.length) {
                int n = Utf8.sequenceLength(b, p, b.length);
                assertThat(Utf8.codePoint(b, p, n)).isEqualTo(s.codePointAt(k));
                k += Character.charCount(s.codePointAt(k));
                p += n;
            }
        } else {
            assertThat(Utf8.decode(b, 0, b.length)).isNull();
        }
    }

    @Test
    void boundaries() {
        assertThat(Utf8.invalidAt(CorpusSamples.utf8("aé€😀"), 0, 10)).isEqualTo(-1);
        byte[] surrogate = {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertThat(Utf8.invalidAt(surrogate, 0, 4)).isEqualTo(1);
        byte[] cut = CorpusSamples.utf8("é");
        assertThat(Utf8.invalidAt(cut, 0, 1)).isEqualTo(0); // a sequence may not run past the end of the range
        assertThat(Utf8.problem(surrogate, 0, 1)).isEqualTo("not valid UTF-8: byte 0xED at byte 2 of the line");
    }
}
