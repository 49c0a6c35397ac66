package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Every valid, untidily formatted sample in every format, plain or compressed, with the format
 * given or detected, reads back as exactly its triples, with indices in order of first appearance;
 * and reading it again against its own id maps gives the same indices.
 */
class RatingsRoundTripPropertiesTest {

    @Property(tries = 500)
    void validSamplesReadBackExactly(@ForAll RatingsFormat format, @ForAll boolean detect, @ForAll long seed) {
        Random r = new Random(seed);
        RatingsSamples.Sample s = RatingsSamples.random(r, format, detect);
        RatingsSamples.Rendered out = RatingsSamples.render(s, r);
        int packing = r.nextInt(10);
        byte[] bytes = packing == 0 ? RatingsSamples.gzip(out.bytes) : packing == 1 ? RatingsSamples.xz(out.bytes)
                : out.bytes;
        RatingsReader.Options o = detect ? RatingsReader.Options.defaults()
                : RatingsReader.Options.defaults().withFormat(format);

        Ratings got = RatingsSamples.read(bytes, o);

        assertThat(got.size()).as(out.text()).isEqualTo(s.rows.size());
        assertThat(got.source()).isEqualTo(RatingsSamples.SOURCE);
        assertThat(got.skippedUnknown()).isZero();
        Map<String, Integer> users = new HashMap<>();
        Map<String, Integer> items = new HashMap<>();
        double sum = 0;
        for (int k = 0; k < s.rows.size(); k++) {
            List<String> f = s.rows.get(k);
            String user = format == RatingsFormat.MATRIX_MARKET ? Long.toString(Long.parseLong(f.get(0))) : f.get(0);
            String item = format == RatingsFormat.MATRIX_MARKET ? Long.toString(Long.parseLong(f.get(1))) : f.get(1);
            float rating = (float) Double.parseDouble(f.get(2));
            int u = users.computeIfAbsent(user, x -> users.size());
            int i = items.computeIfAbsent(item, x -> items.size());
            assertThat(got.user(k)).as("row %d of%n%s", k, out.text()).isEqualTo(u);
            assertThat(got.item(k)).isEqualTo(i);
            assertThat(got.userIds().id(u)).isEqualTo(user);
            assertThat(got.itemIds().id(i)).isEqualTo(item);
            assertThat(Float.floatToIntBits(got.rating(k))).isEqualTo(Float.floatToIntBits(rating));
            sum += rating;
        }
        assertThat(got.numUsers()).isEqualTo(users.size());
        assertThat(got.numItems()).isEqualTo(items.size());
        assertThat(got.mean()).isCloseTo(sum / s.rows.size(), offset(1e-9));

        Ratings again = RatingsSamples.read(bytes, o.withIdsOf(got).withUnknownIds(RatingsReader.UnknownIds.REJECT));
        assertThat(again.users()).containsExactly(got.users());
        assertThat(again.items()).containsExactly(got.items());
        assertThat(again.userIds()).isSameAs(got.userIds());
        assertThat(got.numUsers()).as("reading against the maps added nothing").isEqualTo(users.size());
        assertThat(got.numItems()).isEqualTo(items.size());
    }

    @Property(tries = 30) // each write fsyncs twice: a few milliseconds
    void idMapsSurviveWriteAndRead(@ForAll long seed) {
        Random r = new Random(seed);
        IdMap m = IdMap.create();
        List<String> ids = new ArrayList<>();
        int n = 1 + r.nextInt(50);
        String alphabet = "az09,:;#%\"'\\_-üé日\u0001\uD83D\uDE00";
        while (ids.size() < n) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + r.nextInt(8);
            for (int k = 0; k < len; k++) {
                char c = alphabet.charAt(r.nextInt(alphabet.length()));
                if (Character.isHighSurrogate(c)) {
                    sb.append("\uD83D\uDE00");
                } else if (!Character.isLowSurrogate(c)) {
                    sb.append(c);
                }
            }
            String id = sb.toString();
            if (!id.isEmpty() && m.indexOf(id) < 0) {
                assertThat(m.intern(id)).isEqualTo(ids.size());
                ids.add(id);
            }
        }
        try {
            Path dir = Files.createTempDirectory("idmap");
            Path f = dir.resolve("ids.txt");
            m.write(f);
            IdMap back = IdMap.read(f);
            assertThat(back.size()).isEqualTo(n);
            for (int k = 0; k < n; k++) {
                assertThat(back.id(k)).isEqualTo(ids.get(k));
                assertThat(back.indexOf(ids.get(k))).isEqualTo(k);
            }
            Files.delete(f);
            Files.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
