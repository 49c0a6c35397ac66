package org.smpframe.data;

import java.util.Arrays;

/**
 * Words to dense ids (in order of first {@link #intern}), looked up by a {@code char[]} range, so that the
 * text reader's tokenizer, which builds each token in a reused buffer, allocates a String only for a word it
 * has not seen before. Open addressing with linear probing; not thread-safe.
 */
final class WordTable {

    private String[] keys = new String[64];
    private int[] ids = new int[64];
    private String[] words = new String[16];
    private int size;

    /** The id of {@code c[0, len)}, or -1 if the table does not hold it. */
    int find(char[] c, int len) {
        int mask = keys.length - 1;
        for (int slot = hash(c, len) & mask; ; slot = (slot + 1) & mask) {
            String k = keys[slot];
            if (k == null) {
                return -1;
            }
            if (matches(k, c, len)) {
                return ids[slot];
            }
        }
    }

    /** The id of {@code c[0, len)}, adding it with the next id if it is new. */
    int intern(char[] c, int len) {
        int mask = keys.length - 1;
        int slot = hash(c, len) & mask;
        for (; keys[slot] != null; slot = (slot + 1) & mask) {
            if (matches(keys[slot], c, len)) {
                return ids[slot];
            }
        }
        return add(slot, new String(c, 0, len));
    }

    /** The id of {@code w}, adding it with the next id if it is new. */
    int intern(String w) {
        char[] c = w.toCharArray();
        return intern(c, c.length);
    }

    private int add(int slot, String w) {
        if (size >= IntArrayBuilder.MAX_LENGTH) {
            throw new IllegalStateException("more than " + IntArrayBuilder.MAX_LENGTH + " distinct words");
        }
        keys[slot] = w;
        ids[slot] = size;
        if (size == words.length) {
            words = Arrays.copyOf(words, (int) Math.min(IntArrayBuilder.MAX_LENGTH, 2L * size));
        }
        words[size] = w;
        size++;
        if (size * 2L > keys.length) { // at most half full: probe runs stay short
            rehash();
        }
        return size - 1;
    }

    private void rehash() {
        if (keys.length >= 1 << 30) {
            throw new IllegalStateException("more than " + (1 << 29) + " distinct words");
        }
        String[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new String[oldKeys.length * 2];
        ids = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            String k = oldKeys[i];
            if (k != null) {
                int slot = mix(k.hashCode()) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = k;
                ids[slot] = oldIds[i];
            }
        }
    }

    /** The word with id {@code id}. */
    String word(int id) {
        return words[id];
    }

    int size() {
        return size;
    }

    /** {@link String#hashCode} of the range, so that a String key rehashes to the same slot. */
    private static int hash(char[] c, int len) {
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + c[i];
        }
        return mix(h);
    }

    private static int mix(int h) {
        h *= 0x9E3779B9; // spreads the low bits that the mask keeps
        return h ^ (h >>> 16);
    }

    private static boolean matches(String k, char[] c, int len) {
        if (k.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (k.charAt(i) != c[i]) {
                return false;
            }
        }
        return true;
    }
}
