package org.smpframe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.smpframe.api.RunSnapshot;
import org.smpframe.data.CheckpointFile;
import org.smpframe.data.InputException;
import org.smpframe.lasso.LassoTrainer;
import org.smpframe.lda.LdaCheckpoint;
import org.smpframe.linear.PathCheckpoint;
import org.smpframe.mf.MfCheckpoints;

/**
 * Checkpoints damaged anywhere (a bit flipped, the file cut, bytes inserted or removed, a field overwritten with an
 * extreme value), with the checksum left as it was or recomputed to match (a file made by hand, which reaches the
 * parser), are refused with an {@link InputException} naming the file, or read as a consistent state; never
 * another exception, never an allocation the file's size does not justify.
 */
class CheckpointCorruptionPropertiesTest {
    private static final int[] EXTREMES = {-1, 0, 1, 2, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7fff, 1 << 20};

    private static Path dir;
    private static byte[] lasso;
    private static byte[] mf;
    private static byte[] lda;

    @BeforeContainer
    static void writeCheckpoints() throws IOException {
        dir = Files.createTempDirectory("checkpoint-fuzz");
        // A path whose last checkpoint has fitted lambdas before it, a factorization with item blocks, an LDA chain.
        CliOutcome a = CliOutcome.run("lasso", "--train", "../data/diabetes.libsvm", "--path", "3", "--workers", "2",
                "--eval-every", "10", "--checkpoint-every", "20", "--quiet", "--out", dir.resolve("lasso").toString());
        CliOutcome b = CliOutcome.run("mf", "--ratings", "../data/synthetic-ratings.csv", "--rank", "2",
                "--iterations", "2", "--workers", "2", "--checkpoint-every", "1", "--quiet", "--out",
                dir.resolve("mf").toString());
        CliOutcome c = CliOutcome.run("lda", "--corpus", "../data/synthetic-lda.dat", "--vocab",
                "../data/synthetic-lda.vocab", "--topics", "4", "--iterations", "2", "--eval-every", "1",
                "--checkpoint-every", "1", "--workers", "2", "--quiet", "--out", dir.resolve("lda").toString());
        assertThat(List.of(a.exitCode(), b.exitCode(), c.exitCode())).as(a.err() + b.err() + c.err())
                .containsOnly(0);
        lasso = Files.readAllBytes(CheckpointOptions.file(dir.resolve("lasso"), LassoTrainer.CHECKPOINT_KIND));
        mf = Files.readAllBytes(CheckpointOptions.file(dir.resolve("mf"), MfCheckpoints.KIND));
        lda = Files.readAllBytes(dir.resolve("lda").resolve("checkpoint").resolve("lda.ckpt"));
        assertThat(CheckpointFile.read(CheckpointOptions.file(dir.resolve("lasso"), LassoTrainer.CHECKPOINT_KIND),
                LassoTrainer.CHECKPOINT_KIND, PathCheckpoint::read).state().done()).isNotEmpty();
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Provide
    Arbitrary<int[]> damage() {
        // {kind, position, length or value, fix the checksum}
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).array(int[].class).ofSize(4);
    }

    @Property(tries = 10_000)
    void damagedPathCheckpointsAreRefusedWithTheFileName(@ForAll("damage") int[] d) {
        check(lasso, d, file -> CheckpointFile.read(file, LassoTrainer.CHECKPOINT_KIND, PathCheckpoint::read));
    }

    @Property(tries = 10_000)
    void damagedRunSnapshotsAreRefusedWithTheFileName(@ForAll("damage") int[] d) {
        check(mf, d, file -> CheckpointFile.read(file, MfCheckpoints.KIND, RunSnapshot::read));
    }

    @Property(tries = 10_000)
    void damagedLdaCheckpointsAreRefusedWithTheFileName(@ForAll("damage") int[] d) {
        check(lda, d, LdaCheckpoint::read);
    }

    private static void check(byte[] original, int[] d, Consumer<Path> read) {
        byte[] bytes = damaged(original, d);
        Path file = dir.resolve("damaged.ckpt");
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            read.accept(file);
            // Read: only possible when the damage kept a consistent file (the checksum recomputed).
            assertThat(d[3] % 2 == 1 || Arrays.equals(bytes, original)).as("a damaged file passed its checksum")
                    .isTrue();
        } catch (InputException e) {
            assertThat(e.getMessage()).startsWith(file.toString());
        }
    }

    /** {@code original} with one damage {@code d}: {kind, position, length or value, fix the checksum}. */
    static byte[] damaged(byte[] original, int[] d) {
        int n = original.length;
        int at = d[1] % n;
        byte[] b;
        switch (d[0] % 5) {
            case 0 -> { // one bit flipped
                b = original.clone();
                b[at] ^= (byte) (1 << (d[2] % 8));
            }
            case 1 -> b = Arrays.copyOf(original, at); // cut
            case 2 -> { // bytes inserted
                int k = 1 + d[2] % 16;
                b = new byte[n + k];
                System.arraycopy(original, 0, b, 0, at);
                Arrays.fill(b, at, at + k, (byte) d[2]);
                System.arraycopy(original, at, b, at + k, n - at);
            }
            case 3 -> { // bytes removed
                int k = Math.min(n - at, 1 + d[2] % 16);
                b = new byte[n - k];
                System.arraycopy(original, 0, b, 0, at);
                System.arraycopy(original, at + k, b, at, n - at - k);
            }
            default -> { // a 4-byte field overwritten with an extreme value (a length, a count, an index)
                b = original.clone();
                int p = Math.min(at, n - 4);
                ByteBuffer.wrap(b).putInt(p, EXTREMES[d[2] % EXTREMES.length]);
            }
        }
        if (d[3] % 2 == 1 && b.length >= 8) {
            // Made by hand: the checksum matches the damaged content, so the parser has to judge it.
            CRC32C crc = new CRC32C();
            crc.update(b, 0, b.length - 8);
            ByteBuffer.wrap(b).putLong(b.length - 8, crc.getValue());
        }
        return b;
    }
}
