/**
 * Data formats for SMPFrame: LibSVM/SVMlight text read into compact sparse matrices on primitive
 * arrays, the column statistics that model-parallel Lasso-style algorithms need, and rating triples for
 * matrix factorization.
 *
 * <ul>
 *   <li>{@link org.smpframe.data.LibSvmReader} / {@link org.smpframe.data.LibSvmWriter}: the text
 *       format, plain, gzip or xz, with errors that name file, line and token
 *       ({@link org.smpframe.data.InputException}).</li>
 *   <li>{@link org.smpframe.data.CsrMatrix} (rows, as read) and {@link org.smpframe.data.CscMatrix}
 *       (columns, as coordinate descent consumes them), with public final arrays for hot loops.</li>
 *   <li>{@link org.smpframe.data.LabeledDataset}: features, labels and optional query ids.</li>
 *   <li>{@link org.smpframe.data.ColumnScaling}: column normalization that keeps the scale, so
 *       coefficients can be reported on the original columns.</li>
 *   <li>{@link org.smpframe.data.RatingsReader}: MovieLens, tab/whitespace, CSV and MatrixMarket ratings
 *       ({@link org.smpframe.data.RatingsFormat}) into {@link org.smpframe.data.Ratings} (triples on primitive
 *       arrays), with external ids mapped to dense indices and back ({@link org.smpframe.data.IdMap}), and
 *       seeded train/test splits ({@link org.smpframe.data.RatingsSplit}).</li>
 *   <li>{@link org.smpframe.data.CorpusReader}: UCI bag-of-words, LDA-C and plain-text corpora
 *       ({@link org.smpframe.data.CorpusFormat}, detected from the first lines) into a
 *       {@link org.smpframe.data.Corpus} (token word ids per document on primitive arrays, with the
 *       vocabulary as an {@link org.smpframe.data.IdMap}); the text tokenizer lower-cases, drops short
 *       tokens, numbers, stop words (a built-in English list or a file) and rare words.</li>
 *   <li>{@link org.smpframe.data.AtomicFiles}: crash-safe file replacement for every output.</li>
 * </ul>
 */
package org.smpframe.data;
