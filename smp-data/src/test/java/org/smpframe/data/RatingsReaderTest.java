package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each format read correctly, plain and compressed, and id maps shared between reads. */
class RatingsReaderTest {

    @TempDir
    Path dir;

    private static final RatingsReader.Options DEFAULTS = RatingsReader.Options.defaults();

    /** Lines from MovieLens 1M ratings.dat. */
    static final String ML_1M = "1::1193::5::978300760\n1::661::3::978302109\n1::914::3::978301968\n"
            + "2::1193::4::978298413\n";
    /** Lines from MovieLens 100K u.data. */
    static final String ML_100K = "196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t377\t1\t878887116\n"
            + "196\t302\t4\t881251000\n";
    /** Lines from MovieLens latest-small ratings.csv. */
    static final String ML_CSV = "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,4.0,964981247\n"
            + "2,1,2.5,964982224\n";
    static final String MM = "%%MatrixMarket matrix coordinate real general\n"
            + "% users x items\n%\n"
            + "3 4 4\n"
            + "1 1 5\n"
            + "3 4 2.5\n"
            + "% a comment between entries\n"
            + "\n"
            + "2 2 1\n"
            + "3 1 4.5\n";

    /** Reads and renders every triple as "user item rating" with the external ids. */
    private static String triples(Ratings r) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < r.size(); k++) {
            sb.append(r.userIds().id(r.user(k))).append(' ').append(r.itemIds().id(r.item(k))).append(' ')
                    .append(r.rating(k)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void movieLensDoubleColonWithTimestamps() {
        Ratings r = RatingsSamples.read(ML_1M);
        assertThat(triples(r)).isEqualTo("1 1193 5.0\n1 661 3.0\n1 914 3.0\n2 1193 4.0\n");
        assertThat(r.users()).containsExactly(0, 0, 0, 1);
        assertThat(r.items()).containsExactly(0, 1, 2, 0);
        assertThat(r.numUsers()).isEqualTo(2);
        assertThat(r.numItems()).isEqualTo(3);
        assertThat(r.mean()).isEqualTo(3.75);
        assertThat(r.source()).isEqualTo(RatingsSamples.SOURCE);
    }

    @Test
    void tsvWithTabsAndTimestamps() {
        Ratings r = RatingsSamples.read(ML_100K);
        assertThat(triples(r)).isEqualTo("196 242 3.0\n186 302 3.0\n22 377 1.0\n196 302 4.0\n");
        assertThat(r.users()).containsExactly(0, 1, 2, 0);
        assertThat(r.items()).containsExactly(0, 1, 2, 1);
    }

    @Test
    void tsvWithoutTimestampsAndUntidySpacing() {
        String text = "  u1  i1 4.5\r\n\n# a comment\n\t u2\t\ti1 \t-1  \r\n   \n u1 i2 +2e0 12345\n";
        Ratings r = RatingsSamples.read(text);
        assertThat(triples(r)).isEqualTo("u1 i1 4.5\nu2 i1 -1.0\nu1 i2 2.0\n");
    }

    @Test
    void csvWithHeader() {
        Ratings r = RatingsSamples.read(ML_CSV);
        assertThat(triples(r)).isEqualTo("1 1 4.0\n1 3 4.0\n2 1 2.5\n");
    }

    @Test
    void csvHeaderAfterCommentsAndWithoutTimestamp() {
        String text = "# exported 2024\n\nuser,item,rating\nu1,i1,5\n";
        assertThat(triples(RatingsSamples.read(text))).isEqualTo("u1 i1 5.0\n");
    }

    @Test
    void csvWithoutHeaderAndSpacesAroundFields() {
        String text = "u1 , i1 ,4.0\nu2,\ti2\t, 3 , 99\r\n";
        Ratings r = RatingsSamples.read(text);
        assertThat(triples(r)).isEqualTo("u1 i1 4.0\nu2 i2 3.0\n");
    }

    @Test
    void csvHeaderOnlyCountsOnTheFirstLine() {
        InputException e = catchThrowableOfType(InputException.class,
                () -> RatingsSamples.read("u,i,r\n1,2,3\nuser,item,rating\n"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.reason()).contains("invalid rating 'rating'");
    }

    @Test
    void csvFirstLineWithAnIntegerTimestampIsDataNotAHeader() {
        InputException e = catchThrowableOfType(InputException.class,
                () -> RatingsSamples.read("1,2,x,978300760\n1,3,4,978300761\n"));
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.reason()).contains("invalid rating 'x'");
        InputException nan = catchThrowableOfType(InputException.class, () -> RatingsSamples.read("1,2,NaN\n"));
        assertThat(nan.line()).isEqualTo(1);
        assertThat(nan.reason()).contains("not finite");
    }

    @Test
    void matrixMarketWithComments() {
        Ratings r = RatingsSamples.read(MM);
        assertThat(triples(r)).isEqualTo("1 1 5.0\n3 4 2.5\n2 2 1.0\n3 1 4.5\n");
        assertThat(r.users()).containsExactly(0, 1, 2, 1);
        assertThat(r.items()).containsExactly(0, 1, 2, 0);
        assertThat(r.numUsers()).as("only rows that occur get an id").isEqualTo(3);
    }

    @Test
    void matrixMarketIntegerHeaderAnyCaseAndCanonicalIndices() {
        String text = "%%matrixmarket MATRIX Coordinate INTEGER General\n2 2 2\n01 +2 5\n1 2\t-3\n";
        InputException e = catchThrowableOfType(InputException.class, () -> RatingsSamples.read(text));
        assertThat(e.reason()).as("'01 +2' and '1 2' are the same cell").contains("duplicate rating", "line 3");
        Ratings r = RatingsSamples.read(text.replace("1 2\t-3", "2 1 -3"));
        assertThat(triples(r)).isEqualTo("1 2 5.0\n2 1 -3.0\n");
    }

    @Test
    void explicitFormatOverridesDetection() {
        // Detection would see the comma and read CSV; as TSV the comma is part of the id.
        String text = "a,b\tx\t3\nc\tx,y\t4\n";
        Ratings r = RatingsSamples.read(text, DEFAULTS.withFormat(RatingsFormat.TSV));
        assertThat(triples(r)).isEqualTo("a,b x 3.0\nc x,y 4.0\n");
        assertThat(catchThrowableOfType(InputException.class, () -> RatingsSamples.read(text)).reason())
                .contains("csv format");
    }

    @Test
    void movieLensIdsMayHoldCommasAndTsvIdsColons() {
        assertThat(triples(RatingsSamples.read("a,b::c::1\n"))).isEqualTo("a,b c 1.0\n");
        assertThat(triples(RatingsSamples.read("a:b c:d 1\n"))).isEqualTo("a:b c:d 1.0\n");
    }

    @Test
    void nonAsciiIdsAndAByteOrderMark() {
        Ratings r = RatingsSamples.read("\uFEFFbjörk::日本::5\nbjörk::x::1\n");
        assertThat(triples(r)).isEqualTo("björk 日本 5.0\nbjörk x 1.0\n");
        assertThat(r.numUsers()).isEqualTo(1);
    }

    @Test
    void ratingsAreFloats() {
        Ratings r = RatingsSamples.read("a b 0.1\na c 1e-3\na d -3.4028235e38\n");
        assertThat(r.rating(0)).isEqualTo(0.1f);
        assertThat(r.rating(1)).isEqualTo(1e-3f);
        assertThat(r.rating(2)).isEqualTo(-Float.MAX_VALUE);
    }

    @Test
    void compressedFilesInEveryFormat() throws IOException {
        String[] texts = {ML_1M, ML_100K, ML_CSV, MM};
        for (String text : texts) {
            byte[] plain = text.getBytes(StandardCharsets.UTF_8);
            String expected = triples(RatingsSamples.read(text));
            for (byte[] packed : new byte[][] {RatingsSamples.gzip(plain), RatingsSamples.xz(plain)}) {
                Path f = Files.write(dir.resolve("ratings.data"), packed); // the name says nothing
                assertThat(triples(RatingsReader.read(f))).isEqualTo(expected);
            }
        }
    }

    @Test
    void readsFromAPathWithTheFileNameAsSource() throws IOException {
        Path f = Files.writeString(dir.resolve("u.data"), ML_100K);
        Ratings r = RatingsReader.read(f, DEFAULTS.withFormat(RatingsFormat.TSV));
        assertThat(r.source()).isEqualTo(f.toString());
        assertThat(r.size()).isEqualTo(4);
    }

    @Test
    void givenMapsAreExtendedInAddMode() {
        Ratings train = RatingsSamples.read("u1 i1 5\nu2 i2 3\n");
        Ratings more = RatingsSamples.read("u2 i3 4\nu3 i1 1\n", DEFAULTS.withIdsOf(train));
        assertThat(more.userIds()).isSameAs(train.userIds());
        assertThat(more.users()).containsExactly(1, 2);
        assertThat(more.items()).containsExactly(2, 0);
        assertThat(train.numUsers()).as("the shared map grew").isEqualTo(3);
    }

    @Test
    void testFileReadWithSkipAgainstTrainMapsKeepsIndicesAndCountsUnknowns() {
        Ratings train = RatingsSamples.read(ML_1M);
        String test = "2::661::2::1\n9::1193::1::1\n1::5555::4::1\n1::914::4::1\n9::9::9::9\n";
        Ratings r = RatingsSamples.read(test, DEFAULTS.withIdsOf(train).withUnknownIds(RatingsReader.UnknownIds.SKIP));
        assertThat(triples(r)).isEqualTo("2 661 2.0\n1 914 4.0\n");
        assertThat(r.users()).containsExactly(train.userIds().indexOf("2"), train.userIds().indexOf("1"));
        assertThat(r.items()).containsExactly(train.itemIds().indexOf("661"), train.itemIds().indexOf("914"));
        assertThat(r.skippedUnknown()).isEqualTo(3);
        assertThat(train.numUsers()).as("SKIP leaves the maps alone").isEqualTo(2);
        assertThat(train.numItems()).isEqualTo(3);
        assertThat(r).hasToString("Ratings[" + RatingsSamples.SOURCE + ": 2 ratings, 2 users x 3 items, 3 skipped"
                + " (unknown ids)]");
    }

    @Test
    void rejectModeFailsOnTheFirstUnknownId() {
        Ratings train = RatingsSamples.read(ML_1M);
        RatingsReader.Options o = DEFAULTS.withIdsOf(train).withUnknownIds(RatingsReader.UnknownIds.REJECT);
        assertThat(RatingsSamples.read("2::661::2\n", o).size()).isEqualTo(1);
        InputException e = catchThrowableOfType(InputException.class,
                () -> RatingsSamples.read("2::661::2\n\n2::7::1\n", o));
        assertThat(e.getMessage()).isEqualTo(RatingsSamples.SOURCE
                + ":3: unknown item id '7': not in the given item id map (unknownIds = REJECT)");
    }

    @Test
    void idMapsSavedWithATrainedModelGiveTheSameIndicesLater() throws IOException {
        Ratings train = RatingsSamples.read(ML_100K);
        Path users = dir.resolve("model/users.ids");
        Path items = dir.resolve("model/items.ids");
        train.userIds().write(users);
        train.itemIds().write(items);

        RatingsReader.Options o = DEFAULTS.withUsers(IdMap.read(users)).withItems(IdMap.read(items))
                .withUnknownIds(RatingsReader.UnknownIds.SKIP);
        Ratings test = RatingsSamples.read("22\t242\t5\n999\t242\t1\n196\t377\t2\n", o);
        assertThat(test.users()).containsExactly(train.userIds().indexOf("22"), train.userIds().indexOf("196"));
        assertThat(test.items()).containsExactly(train.itemIds().indexOf("242"), train.itemIds().indexOf("377"));
        assertThat(test.skippedUnknown()).isEqualTo(1);
    }

    @Test
    void aFailedReadLeavesTheGivenMapsAsTheyWere() {
        Ratings train = RatingsSamples.read("u1 i1 5\n");
        RatingsReader.Options o = DEFAULTS.withIdsOf(train);
        assertThatThrownBy(() -> RatingsSamples.read("u2 i2 5\nu3 i3 4\nu4 i4 x\n", o))
                .isInstanceOf(InputException.class);
        assertThat(train.numUsers()).isEqualTo(1);
        assertThat(train.numItems()).isEqualTo(1);
        assertThat(train.userIds().indexOf("u2")).isEqualTo(-1);
        // Also when the problem is only found after the last line.
        assertThatThrownBy(() -> RatingsSamples.read("u2 i2 5\nu2 i2 4\n", o)).isInstanceOf(InputException.class);
        assertThat(train.numUsers()).isEqualTo(1);
    }

    @Test
    void skipAndRejectNeedBothMaps() {
        for (RatingsReader.UnknownIds mode : new RatingsReader.UnknownIds[] {
            RatingsReader.UnknownIds.SKIP, RatingsReader.UnknownIds.REJECT}) {
            assertThatThrownBy(() -> RatingsSamples.read("1 2 3\n", DEFAULTS.withUnknownIds(mode)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id maps");
            assertThatThrownBy(() -> RatingsSamples.read("1 2 3\n",
                    DEFAULTS.withUnknownIds(mode).withUsers(IdMap.create())))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void optionsValidateAndWithersChangeOneThing() {
        assertThat(RatingsReader.Options.defaults()).isSameAs(RatingsReader.Options.DEFAULTS);
        assertThat(DEFAULTS.format()).isNull();
        assertThat(DEFAULTS.unknownIds()).isEqualTo(RatingsReader.UnknownIds.ADD);
        assertThat(DEFAULTS.maxLineLength()).isEqualTo(1 << 20);
        RatingsReader.Options o = DEFAULTS.withFormat(RatingsFormat.CSV).withMaxLineLength(77);
        assertThat(o.format()).isEqualTo(RatingsFormat.CSV);
        assertThat(o.maxLineLength()).isEqualTo(77);
        assertThat(o.users()).isNull();
        assertThatThrownBy(() -> DEFAULTS.withMaxLineLength(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEFAULTS.withUnknownIds(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RatingsReader.read(new java.io.ByteArrayInputStream(new byte[0]), "x", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLargerFileReadsQuicklyAndCorrectly() {
        Random r = new Random(7);
        StringBuilder sb = new StringBuilder();
        int n = 200_000;
        int[] us = new int[n];
        int[] is = new int[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            us[k] = k / 50; // sorted by user, like ml-1m and u.data
            is[k] = (k * 7919) % 100_000;
            int v = 1 + r.nextInt(5);
            sum += v;
            sb.append(us[k]).append("::").append(is[k]).append("::").append(v).append("::").append(978300760 + k)
                    .append('\n');
        }
        Ratings got = RatingsSamples.read(sb.toString());
        assertThat(got.size()).isEqualTo(n);
        assertThat(got.numUsers()).isEqualTo(n / 50);
        assertThat(got.mean()).isEqualTo(sum / n);
        for (int k = 0; k < n; k += 9973) {
            assertThat(got.userIds().id(got.user(k))).isEqualTo(Integer.toString(us[k]));
            assertThat(got.itemIds().id(got.item(k))).isEqualTo(Integer.toString(is[k]));
        }
    }
}
