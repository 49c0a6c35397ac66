package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RatingsTest {

    private static IdMap ids(String... ids) {
        IdMap m = IdMap.create();
        for (String id : ids) {
            m.intern(id);
        }
        return m;
    }

    private static Ratings sample() {
        return Ratings.of("gen", new int[] {0, 1, 0, 2}, new int[] {0, 0, 1, 1}, new float[] {5, 3, 4, 1.5f},
                ids("a", "b", "c"), ids("x", "y"));
    }

    @Test
    void accessors() {
        Ratings r = sample();
        assertThat(r.size()).isEqualTo(4);
        assertThat(r.user(3)).isEqualTo(2);
        assertThat(r.item(2)).isEqualTo(1);
        assertThat(r.rating(3)).isEqualTo(1.5f);
        assertThat(r.users()).containsExactly(0, 1, 0, 2);
        assertThat(r.items()).containsExactly(0, 0, 1, 1);
        assertThat(r.values()).containsExactly(5f, 3f, 4f, 1.5f);
        assertThat(r.numUsers()).isEqualTo(3);
        assertThat(r.numItems()).isEqualTo(2);
        assertThat(r.mean()).isEqualTo(3.375);
        assertThat(r.skippedUnknown()).isZero();
        assertThat(r.source()).isEqualTo("gen");
        assertThat(r.userIds().id(r.user(3))).isEqualTo("c");
        assertThat(r).hasToString("Ratings[gen: 4 ratings, 3 users x 2 items]");
    }

    @Test
    void numUsersFollowsTheSharedMap() {
        Ratings r = sample();
        r.userIds().intern("d");
        assertThat(r.numUsers()).isEqualTo(4);
    }

    @Test
    void emptyRatingsHaveNoMean() {
        Ratings r = Ratings.of("none", new int[0], new int[0], new float[0], IdMap.create(), IdMap.create());
        assertThat(r.size()).isZero();
        assertThat(r.mean()).isNaN();
    }

    @Test
    void ofValidatesLengthsRangesAndValues() {
        IdMap u = ids("a", "b");
        IdMap i = ids("x");
        assertThatThrownBy(() -> Ratings.of("s", new int[] {0, 1}, new int[] {0}, new float[] {1, 2}, u, i))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lengths differ");
        assertThatThrownBy(() -> Ratings.of("s", new int[] {0}, new int[] {0}, new float[] {1, 2}, u, i))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lengths differ");
        assertThatThrownBy(() -> Ratings.of("s", new int[] {2}, new int[] {0}, new float[] {1}, u, i))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user index 2");
        assertThatThrownBy(() -> Ratings.of("s", new int[] {-1}, new int[] {0}, new float[] {1}, u, i))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user index -1");
        assertThatThrownBy(() -> Ratings.of("s", new int[] {0}, new int[] {1}, new float[] {1}, u, i))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("item index 1");
        assertThatThrownBy(() -> Ratings.of("s", new int[] {0}, new int[] {0}, new float[] {Float.NaN}, u, i))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite");
        assertThatThrownBy(() -> Ratings.of("s", new int[] {0}, new int[] {0}, new float[] {1}, null, i))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ratings.of(null, new int[] {0}, new int[] {0}, new float[] {1}, u, i))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void subsetCopiesInTheGivenOrderAndSharesTheMaps() {
        Ratings r = sample();
        Ratings s = r.subset(new int[] {3, 0}, "part");
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.users()).containsExactly(2, 0);
        assertThat(s.items()).containsExactly(1, 0);
        assertThat(s.values()).containsExactly(1.5f, 5f);
        assertThat(s.userIds()).isSameAs(r.userIds());
        assertThat(s.itemIds()).isSameAs(r.itemIds());
        assertThat(s.source()).isEqualTo("part");
        assertThat(s.mean()).isEqualTo(3.25);
        assertThat(s.users()).isNotSameAs(r.users());
        assertThat(r.subset(new int[0], "none").size()).isZero();
    }

    @Test
    void subsetRejectsBadIndices() {
        Ratings r = sample();
        assertThatThrownBy(() -> r.subset(new int[] {4}, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 4");
        assertThatThrownBy(() -> r.subset(new int[] {-1}, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.subset(new int[] {1, 2, 1}, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeated");
        assertThatThrownBy(() -> r.subset(null, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
