package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RatingsSplitTest {

    /** Random ratings with distinct (user, item) pairs; a triple is identified by its pair. */
    static Ratings randomRatings(Random r, int numUsers, int numItems, int n) {
        IdMap users = IdMap.create();
        IdMap items = IdMap.create();
        for (int u = 0; u < numUsers; u++) {
            users.intern("u" + u);
        }
        for (int i = 0; i < numItems; i++) {
            items.intern("i" + i);
        }
        n = Math.min(n, numUsers * numItems);
        Set<Long> seen = new HashSet<>();
        int[] us = new int[n];
        int[] is = new int[n];
        float[] vs = new float[n];
        for (int k = 0; k < n; ) {
            int u = r.nextInt(numUsers);
            int i = r.nextInt(numItems);
            if (seen.add((long) u << 32 | i)) {
                us[k] = u;
                is[k] = i;
                vs[k] = 1 + r.nextInt(5);
                k++;
            }
        }
        return Ratings.of("gen", us, is, vs, users, items);
    }

    private static List<Long> pairs(Ratings r) {
        List<Long> out = new ArrayList<>();
        for (int k = 0; k < r.size(); k++) {
            out.add((long) r.user(k) << 32 | r.item(k));
        }
        return out;
    }

    /** Disjoint, union is everything, order kept in both halves, maps shared, values carried along. */
    private static void checkPartition(Ratings all, RatingsSplit.Split s) {
        List<Long> whole = pairs(all);
        List<Long> train = pairs(s.train());
        List<Long> test = pairs(s.test());
        assertThat(train.size() + test.size()).isEqualTo(whole.size());
        Set<Long> overlap = new HashSet<>(train);
        overlap.retainAll(test);
        assertThat(overlap).isEmpty();
        Set<Long> union = new HashSet<>(train);
        union.addAll(test);
        assertThat(union).isEqualTo(new HashSet<>(whole));
        assertThat(whole.stream().filter(new HashSet<>(train)::contains).toList()).isEqualTo(train);
        assertThat(whole.stream().filter(new HashSet<>(test)::contains).toList()).isEqualTo(test);
        assertThat(s.train().userIds()).isSameAs(all.userIds());
        assertThat(s.test().itemIds()).isSameAs(all.itemIds());
        for (Ratings part : new Ratings[] {s.train(), s.test()}) {
            for (int k = 0; k < part.size(); k++) {
                int at = whole.indexOf((long) part.user(k) << 32 | part.item(k));
                assertThat(part.rating(k)).isEqualTo(all.rating(at));
            }
        }
    }

    @Property(tries = 200)
    void randomSplitHasTheExactSize(@ForAll long seed, @ForAll @DoubleRange(min = 0.001, max = 0.999) @net.jqwik.api.constraints.Scale(4) double f,
                                    @ForAll @IntRange(min = 0, max = 300) int n) {
        Ratings r = randomRatings(new Random(seed), 20, 30, n);
        RatingsSplit.Split s = RatingsSplit.random(r, f, seed);
        checkPartition(r, s);
        assertThat(s.test().size()).isEqualTo(Math.round(f * r.size()));
    }

    @Property(tries = 200)
    void perUserSplitHoldsOutAShareOfEachUser(@ForAll long seed,
                                              @ForAll @DoubleRange(min = 0.001, max = 0.999) @net.jqwik.api.constraints.Scale(4) double f,
                                              @ForAll @IntRange(min = 0, max = 300) int n) {
        Ratings r = randomRatings(new Random(seed), 15, 30, n);
        RatingsSplit.Split s = RatingsSplit.perUser(r, f, seed);
        checkPartition(r, s);
        int[] total = new int[r.numUsers()];
        int[] held = new int[r.numUsers()];
        for (int u : r.users()) {
            total[u]++;
        }
        for (int u : s.test().users()) {
            held[u]++;
        }
        for (int u = 0; u < total.length; u++) {
            long expected = total[u] < 2 ? 0 : Math.min(total[u] - 1, Math.max(1, Math.round(f * total[u])));
            assertThat(held[u]).as("user %d of %d ratings", u, total[u]).isEqualTo(expected);
        }
    }

    @Test
    void deterministicForASeedAndDifferentForAnother() {
        Ratings r = randomRatings(new Random(1), 50, 80, 2000);
        for (boolean perUser : new boolean[] {false, true}) {
            RatingsSplit.Split a = perUser ? RatingsSplit.perUser(r, 0.2, 42) : RatingsSplit.random(r, 0.2, 42);
            RatingsSplit.Split b = perUser ? RatingsSplit.perUser(r, 0.2, 42) : RatingsSplit.random(r, 0.2, 42);
            RatingsSplit.Split c = perUser ? RatingsSplit.perUser(r, 0.2, 43) : RatingsSplit.random(r, 0.2, 43);
            assertThat(pairs(a.test())).isEqualTo(pairs(b.test()));
            assertThat(pairs(a.train())).isEqualTo(pairs(b.train()));
            assertThat(pairs(a.test())).isNotEqualTo(pairs(c.test()));
            assertThat(a.test().size()).isEqualTo(c.test().size());
        }
    }

    @Test
    void sizesOnAKnownExample() {
        Ratings r = randomRatings(new Random(3), 10, 10, 100); // every user rates every item
        RatingsSplit.Split s = RatingsSplit.random(r, 0.25, 9);
        assertThat(s.test().size()).isEqualTo(25);
        assertThat(s.train().size()).isEqualTo(75);
        assertThat(s.train().source()).isEqualTo("gen [train]");
        assertThat(s.test().source()).isEqualTo("gen [test]");
        RatingsSplit.Split p = RatingsSplit.perUser(r, 0.25, 9);
        assertThat(p.test().size()).as("round(2.5) = 3 per user").isEqualTo(30);
        RatingsSplit.Split tiny = RatingsSplit.perUser(r, 0.01, 9);
        assertThat(tiny.test().size()).as("at least one per user").isEqualTo(10);
        RatingsSplit.Split big = RatingsSplit.perUser(r, 0.99, 9);
        assertThat(big.train().size()).as("at least one per user stays in train").isEqualTo(10);
    }

    @Test
    void usersWithOneRatingStayInTrain() {
        IdMap users = IdMap.create();
        IdMap items = IdMap.create();
        users.intern("solo");
        users.intern("pair");
        items.intern("a");
        items.intern("b");
        Ratings r = Ratings.of("s", new int[] {0, 1, 1}, new int[] {0, 0, 1}, new float[] {1, 2, 3}, users, items);
        RatingsSplit.Split s = RatingsSplit.perUser(r, 0.5, 1);
        assertThat(s.test().size()).isEqualTo(1);
        assertThat(s.test().user(0)).isEqualTo(1);
        assertThat(s.train().users()).contains(0);
    }

    @Test
    void rejectsFractionsOutsideTheOpenUnitInterval() {
        Ratings r = randomRatings(new Random(1), 3, 3, 5);
        for (double f : new double[] {0, 1, -0.1, 1.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> RatingsSplit.random(r, f, 1)).as("%s", f)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("testFraction");
            assertThatThrownBy(() -> RatingsSplit.perUser(r, f, 1)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> RatingsSplit.random(null, 0.5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RatingsSplit.Split(null, r)).isInstanceOf(IllegalArgumentException.class);
    }
}
