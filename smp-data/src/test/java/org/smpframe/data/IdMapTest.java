package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdMapTest {

    @TempDir
    Path dir;

    @Test
    void internsInOrderOfFirstAppearance() {
        IdMap m = IdMap.create();
        assertThat(m.size()).isZero();
        assertThat(m.intern("196")).isZero();
        assertThat(m.intern("u17")).isEqualTo(1);
        assertThat(m.intern("196")).isZero();
        assertThat(m.intern("a,b")).isEqualTo(2);
        assertThat(m.intern("x:y")).isEqualTo(3);
        assertThat(m.size()).isEqualTo(4);
        assertThat(m.id(0)).isEqualTo("196");
        assertThat(m.id(2)).isEqualTo("a,b");
        assertThat(m.indexOf("u17")).isEqualTo(1);
        assertThat(m.indexOf("nope")).isEqualTo(-1);
        assertThat(m.indexOf(null)).isEqualTo(-1);
        assertThat(m).hasToString("IdMap[4 ids]");
    }

    @Test
    void growsPastItsInitialCapacity() {
        IdMap m = IdMap.create();
        for (int i = 0; i < 10_000; i++) {
            assertThat(m.intern("id" + i)).isEqualTo(i);
        }
        for (int i = 0; i < 10_000; i += 997) {
            assertThat(m.id(i)).isEqualTo("id" + i);
            assertThat(m.indexOf("id" + i)).isEqualTo(i);
        }
    }

    @Test
    void rejectsInvalidIds() {
        IdMap m = IdMap.create();
        assertThatThrownBy(() -> m.intern(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.intern("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        for (String bad : new String[] {"a b", "a\tb", " a", "a\n", "a\u00A0b", "a\u2003b", "a\u001Fb"}) {
            assertThatThrownBy(() -> m.intern(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("whitespace");
        }
        assertThat(m.size()).isZero();
    }

    @Test
    void idOutOfRange() {
        IdMap m = IdMap.create();
        m.intern("a");
        assertThatThrownBy(() -> m.id(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> m.id(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void copyIsIndependent() {
        IdMap m = IdMap.create();
        m.intern("a");
        m.intern("b");
        IdMap c = m.copy();
        assertThat(c.intern("c")).isEqualTo(2);
        assertThat(m.size()).isEqualTo(2);
        assertThat(m.indexOf("c")).isEqualTo(-1);
        assertThat(c.id(1)).isEqualTo("b");
    }

    @Test
    void truncateForgetsTheNewestIds() {
        IdMap m = IdMap.create();
        m.intern("a");
        m.intern("b");
        m.intern("c");
        m.truncate(1);
        assertThat(m.size()).isEqualTo(1);
        assertThat(m.indexOf("b")).isEqualTo(-1);
        assertThat(m.intern("c")).isEqualTo(1);
    }

    @Test
    void writeAndReadRoundTrip() throws IOException {
        IdMap m = IdMap.create();
        for (String id : new String[] {"196", "u17", "a,b", "ü日本", "#x", "%y", "\"q\""}) {
            m.intern(id);
        }
        Path f = dir.resolve("sub/users.ids");
        m.write(f);
        assertThat(Files.readString(f, StandardCharsets.UTF_8)).isEqualTo("196\nu17\na,b\nü日本\n#x\n%y\n\"q\"\n");
        IdMap back = IdMap.read(f);
        assertThat(back.size()).isEqualTo(m.size());
        for (int i = 0; i < m.size(); i++) {
            assertThat(back.id(i)).isEqualTo(m.id(i));
            assertThat(back.indexOf(m.id(i))).isEqualTo(i);
        }
        try (Stream<Path> files = Files.list(f.getParent())) {
            assertThat(files.count()).as("no temporary file left behind").isEqualTo(1);
        }
    }

    @Test
    void writeReplacesAnExistingFile() throws IOException {
        Path f = dir.resolve("ids");
        Files.writeString(f, "old\nstuff\nhere\n");
        IdMap m = IdMap.create();
        m.intern("new");
        m.write(f);
        assertThat(Files.readString(f)).isEqualTo("new\n");
    }

    @Test
    void anEmptyMapIsNotWritten() {
        assertThatThrownBy(() -> IdMap.create().write(dir.resolve("e"))).isInstanceOf(IllegalStateException.class);
        assertThat(dir.resolve("e")).doesNotExist();
    }

    @Test
    void readAcceptsCrlfAndAByteOrderMark() throws IOException {
        Path f = Files.write(dir.resolve("win.ids"), "\uFEFFa\r\nb\r\n".getBytes(StandardCharsets.UTF_8));
        IdMap m = IdMap.read(f);
        assertThat(m.size()).isEqualTo(2);
        assertThat(m.id(0)).isEqualTo("a");
        assertThat(m.id(1)).isEqualTo("b");
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("a\n\nb\n", 2, "blank line"),
                Arguments.of("a\nb\n  \n", 3, "blank line"),
                Arguments.of("a\nb c\n", 2, "id 'b c' contains whitespace"),
                Arguments.of("a\n b\n", 2, "whitespace"),
                Arguments.of("a\nb\t\n", 2, "whitespace"),
                Arguments.of("a\nx\u00A0y\n", 2, "whitespace"),
                Arguments.of("a\nb\nc\nb\n", 4, "duplicate id 'b': already on line 2"),
                Arguments.of("a\n\u0001\n\u0001\n", 3, "duplicate id '\\x01'"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void readRejectsMalformedFilesNamingTheLine(String text, int line, String reason) throws IOException {
        Path f = Files.writeString(dir.resolve("bad.ids"), text, StandardCharsets.UTF_8);
        InputException e = catchThrowableOfType(InputException.class, () -> IdMap.read(f));
        assertThat(e).isNotNull();
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.reason()).contains(reason);
        assertThat(e.getMessage()).startsWith(f + ":" + line + ": ");
    }

    @Test
    void readRejectsAnEmptyFile() throws IOException {
        Path f = Files.write(dir.resolve("empty.ids"), new byte[0]);
        InputException e = catchThrowableOfType(InputException.class, () -> IdMap.read(f));
        assertThat(e.getMessage()).isEqualTo(f + ": empty id map file: expected one id per line");
        assertThat(e.line()).isZero();
    }

    @Test
    void readRejectsBytesThatAreNotUtf8() throws IOException {
        byte[] bytes = {'a', '\n', 'b', (byte) 0xFF, 'c', '\n'};
        Path f = Files.write(dir.resolve("latin.ids"), bytes);
        InputException e = catchThrowableOfType(InputException.class, () -> IdMap.read(f));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).contains("UTF-8");
    }

    @Test
    void ioProblemsAreInputExceptionsWithoutALineKeepingTheCause() {
        Path missing = dir.resolve("missing.ids");
        InputException e = catchThrowableOfType(InputException.class, () -> IdMap.read(missing));
        assertThat(e.getMessage()).isEqualTo(missing + ": file not found");
        assertThat(e.line()).isZero();
        assertThat(e.getCause()).isInstanceOf(IOException.class);

        InputException d = catchThrowableOfType(InputException.class, () -> IdMap.read(dir));
        assertThat(d.line()).isZero();
        assertThat(d.reason()).contains("directory");
    }
}
