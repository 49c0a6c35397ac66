package org.smpframe.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads LibSVM / SVMlight text files into a {@link LabeledDataset}.
 *
 * <p>Format, one example per line:
 * <pre>
 *   label [qid:N] index:value index:value ... [# comment]
 * </pre>
 * <ul>
 *   <li>{@code label}: a decimal number ({@code +1}, {@code -1}, {@code 0}, {@code 3.25},
 *       {@code 1e-3}); must be finite.</li>
 *   <li>{@code qid:N}: optional integer query id for ranking data, right after the label; either
 *       every data line has one or none does.</li>
 *   <li>{@code index}: 1-based (0-based with {@link Options#zeroBased()}), strictly increasing
 *       within a line; {@code value}: a finite decimal number. Explicit zeros are accepted, count
 *       towards the width, and are not stored.</li>
 *   <li>{@code #} starts a comment to the end of the line; blank and comment-only lines are
 *       skipped; tokens are separated by any run of spaces or tabs; CRLF and trailing whitespace
 *       are fine; a UTF-8 byte order mark at the start is ignored.</li>
 * </ul>
 * The width is {@code max(largest index seen, minFeatures)}: a LibSVM file cannot say it has
 * trailing all-zero columns, so a test set is read with {@code minFeatures} set to the training
 * set's width.
 *
 * <p>gzip and xz input is decompressed transparently, recognized by its magic bytes, not its name.
 *
 * <p>Every problem with the input, including a missing file and a truncated compressed stream,
 * is an {@link InputException} naming the file, the 1-based physical line and the offending
 * token. The reader fails on the first bad line rather than skipping it: silently dropped rows
 * change a model without anyone noticing.
 */
public final class LibSvmReader {

    private LibSvmReader() {
    }

    /** Reads {@code file} with default {@link Options}. */
    public static LabeledDataset read(Path file) {
        return read(file, Options.DEFAULTS);
    }

    /** Reads {@code file}; the file name in messages is {@code file.toString()}. */
    public static LabeledDataset read(Path file, Options o) {
        return DataFiles.read(file, "a data file", in -> read(in, file.toString(), o));
    }

    /**
     * Reads a stream to its end, leaving it open (the caller owns it).
     *
     * @param sourceName the name used in error messages, e.g. the file name or {@code "<stdin>"}
     */
    public static LabeledDataset read(InputStream in, String sourceName, Options o) {
        if (o == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        LibSvmParser parser = new LibSvmParser(sourceName, o);
        Compression compression = Compression.NONE;
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
            compression = Compression.sniff(buffered, sourceName);
            try (InputStream data = compression.open(buffered)) {
                return parser.parse(data);
            }
        } catch (IOException e) {
            throw DataFiles.readFailure(sourceName, compression, parser.linesRead(), e);
        }
    }

    /**
     * Reader settings; immutable. Start from {@link #DEFAULTS} and use the with-ers, or use
     * {@link #builder()}.
     *
     * @param zeroBased     indices start at 0 instead of 1
     * @param minFeatures   the width is at least this (e.g. the training set's width when reading a
     *                      test set)
     * @param maxFeatures   if {@code > 0}, a column beyond it is an error naming the limit; guards
     *                      against a wrong file or a mismatched feature map
     * @param maxLineLength a longer line is an error rather than an attempt to buffer it all, so a
     *                      binary or newline-free file fails fast instead of running out of memory
     */
    public record Options(boolean zeroBased, int minFeatures, int maxFeatures, int maxLineLength, LabelRule labels) {

        /** 64 MiB: far beyond any real example row, small enough to fail before exhausting the heap. */
        public static final int DEFAULT_MAX_LINE_LENGTH = 64 << 20;

        /** 1-based, no minimum or maximum width, 64 MiB lines. */
        public static final Options DEFAULTS = new Options(false, 0, 0, DEFAULT_MAX_LINE_LENGTH, LabelRule.ANY);

        public Options {
            if (minFeatures < 0) {
                throw new IllegalArgumentException("minFeatures must be >= 0, got " + minFeatures);
            }
            if (maxFeatures < 0) {
                throw new IllegalArgumentException("maxFeatures must be >= 0 (0 = no limit), got " + maxFeatures);
            }
            if (maxFeatures > 0 && minFeatures > maxFeatures) {
                throw new IllegalArgumentException(
                        "minFeatures " + minFeatures + " exceeds maxFeatures " + maxFeatures);
            }
            if (maxLineLength <= 0) {
                throw new IllegalArgumentException("maxLineLength must be > 0, got " + maxLineLength);
            }
            if (labels == null) {
                throw new IllegalArgumentException("a label rule is required (LabelRule.ANY accepts every number)");
            }
        }

        /** Same as {@link #DEFAULTS}. */
        public static Options defaults() {
            return DEFAULTS;
        }

        public static Builder builder() {
            return new Builder(DEFAULTS);
        }

        /** A builder starting from these settings. */
        public Builder toBuilder() {
            return new Builder(this);
        }

        public Options withZeroBased(boolean v) {
            return new Options(v, minFeatures, maxFeatures, maxLineLength, labels);
        }

        public Options withMinFeatures(int v) {
            return new Options(zeroBased, v, maxFeatures, maxLineLength, labels);
        }

        public Options withMaxFeatures(int v) {
            return new Options(zeroBased, minFeatures, v, maxLineLength, labels);
        }

        public Options withMaxLineLength(int v) {
            return new Options(zeroBased, minFeatures, maxFeatures, v, labels);
        }

        public Options withLabels(LabelRule v) {
            return new Options(zeroBased, minFeatures, maxFeatures, maxLineLength, v);
        }

        /** Mutable builder for {@link Options}; validation happens in {@link #build()}. */
        public static final class Builder {
            private boolean zeroBased;
            private int minFeatures;
            private int maxFeatures;
            private int maxLineLength;
            private LabelRule labels;

            private Builder(Options from) {
                labels = from.labels;
                zeroBased = from.zeroBased;
                minFeatures = from.minFeatures;
                maxFeatures = from.maxFeatures;
                maxLineLength = from.maxLineLength;
            }

            public Builder zeroBased(boolean v) {
                zeroBased = v;
                return this;
            }

            public Builder minFeatures(int v) {
                minFeatures = v;
                return this;
            }

            public Builder maxFeatures(int v) {
                maxFeatures = v;
                return this;
            }

            public Builder maxLineLength(int v) {
                maxLineLength = v;
                return this;
            }

            public Builder labels(LabelRule v) {
                labels = v;
                return this;
            }

            public Options build() {
                return new Options(zeroBased, minFeatures, maxFeatures, maxLineLength, labels);
            }
        }
    }
}
