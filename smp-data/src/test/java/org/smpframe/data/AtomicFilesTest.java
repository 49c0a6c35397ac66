package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private long filesIn(Path d) throws IOException {
        try (var s = Files.list(d)) {
            return s.count();
        }
    }

    @Test
    void writesTextAndReplacesExistingFile() throws IOException {
        Path f = dir.resolve("a.txt");
        AtomicFiles.write(f, w -> w.write("first ü\n"));
        assertThat(Files.readString(f, StandardCharsets.UTF_8)).isEqualTo("first ü\n");
        AtomicFiles.write(f, w -> w.write("second\n"));
        assertThat(Files.readString(f)).isEqualTo("second\n");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void writesBytesAndCreatesParents() throws IOException {
        Path f = dir.resolve("x/y/z.bin");
        AtomicFiles.writeBytes(f, out -> {
            out.write(new byte[] {1, 2, 3});
            out.write(4);
        });
        assertThat(Files.readAllBytes(f)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void relativeTargetWorks() throws IOException {
        Path f = Path.of("target", "atomic-files-test-" + System.nanoTime() + ".txt");
        try {
            AtomicFiles.write(f, w -> w.write("ok"));
            assertThat(Files.readString(f)).isEqualTo("ok");
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Test
    void bodyClosingTheStreamIsHarmless() throws IOException {
        Path f = dir.resolve("c.txt");
        AtomicFiles.write(f, w -> {
            w.write("closed early");
            w.close();
        });
        assertThat(Files.readString(f)).isEqualTo("closed early");
        Path g = dir.resolve("c.bin");
        AtomicFiles.writeBytes(g, out -> {
            out.write(7);
            out.close();
        });
        assertThat(Files.readAllBytes(g)).containsExactly(7);
    }

    @Test
    void failureLeavesTargetUntouchedAndNoTempFile() throws IOException {
        Path f = dir.resolve("keep.txt");
        Files.writeString(f, "original");
        assertThatThrownBy(() -> AtomicFiles.write(f, w -> {
            w.write("partial garbage".repeat(100_000));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThatThrownBy(() -> AtomicFiles.writeBytes(f, out -> {
            out.write(1);
            throw new IllegalStateException("bug in body");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(f)).isEqualTo("original");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void newFileGetsNormalPermissionsNotTempFilePermissions() throws IOException {
        Path f = dir.resolve("perm.txt");
        AtomicFiles.write(f, w -> w.write("x"));
        Path reference = Files.writeString(dir.resolve("reference.txt"), "x");
        try {
            Set<PosixFilePermission> got = Files.getPosixFilePermissions(f);
            assertThat(got).isEqualTo(Files.getPosixFilePermissions(reference));
        } catch (UnsupportedOperationException notPosix) {
            // Nothing to compare on this file system.
        }
    }
}
