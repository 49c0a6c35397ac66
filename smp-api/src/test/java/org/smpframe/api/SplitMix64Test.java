package org.smpframe.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The same numbers as SplittableRandom, draw for draw, and a state that resumes the sequence exactly. */
class SplitMix64Test {
    private static final int[] BOUNDS = {1, 2, 3, 7, 8, 10, 100, 1000, 1 << 20, (1 << 30) + 1, Integer.MAX_VALUE};

    @Test
    void drawsWhatSplittableRandomDraws() {
        for (long seed : new long[] {0, 1, 42, -7, Long.MIN_VALUE, 0x9e3779b97f4a7c15L}) {
            SplittableRandom reference = new SplittableRandom(seed);
            SplitMix64 ours = new SplitMix64(seed);
            for (int i = 0; i < 200_000; i++) {
                switch (i % 4) {
                    case 0 -> assertThat(ours.nextDouble()).isEqualTo(reference.nextDouble());
                    case 1 -> {
                        int bound = BOUNDS[(i / 4) % BOUNDS.length];
                        assertThat(ours.nextInt(bound)).isEqualTo(reference.nextInt(bound));
                    }
                    case 2 -> assertThat(ours.nextLong()).isEqualTo(reference.nextLong());
                    default -> assertThat(ours.nextInt()).isEqualTo(reference.nextInt());
                }
            }
        }
    }

    @Test
    void aSavedStateResumesTheSequence() {
        SplitMix64 a = new SplitMix64(5);
        for (int i = 0; i < 1000; i++) {
            a.nextInt(17);
        }
        SplitMix64 b = SplitMix64.resume(a.state());
        for (int i = 0; i < 1000; i++) {
            assertThat(b.nextDouble()).isEqualTo(a.nextDouble());
        }
    }

    @Test
    void refusesAnEmptyRange() {
        assertThatThrownBy(() -> new SplitMix64(1).nextInt(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
