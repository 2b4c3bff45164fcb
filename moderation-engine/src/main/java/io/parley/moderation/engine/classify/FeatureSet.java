package io.parley.moderation.engine.classify;

import java.util.Arrays;

/**
 * The distinct feature hashes of one comment. Features repeat (the same word or n-gram twice) and
 * count once, as in the string feature set the models were trained on.
 */
public final class FeatureSet {

    private long[] table;
    /** The same hashes in insertion order, so scoring reads only the features, not the empty slots. */
    private long[] distinct;
    private int size;

    FeatureSet(int expected) {
        table = new long[tableCapacity(expected)];
        distinct = new long[Math.max(8, expected)];
    }

    /** A power of two at least twice the features expected, so a probe stays short. */
    private static int tableCapacity(int expected) {
        return Integer.highestOneBit(Math.max(8, expected) * 2 - 1) << 1;
    }

    /**
     * Empties the set for reuse, with room for {@code expected} features. A table more than four times
     * the size needed, left by a long comment, is replaced rather than zeroed on every short one after it.
     */
    void clear(int expected) {
        int capacity = tableCapacity(expected);
        if (table.length < capacity || table.length > 4 * capacity) {
            table = new long[capacity];
        } else {
            Arrays.fill(table, 0);
        }
        size = 0;
    }

    void add(long hash) {
        int mask = table.length - 1;
        int i = (int) hash & mask;
        long key;
        while ((key = table[i]) != 0) {
            if (key == hash) {
                return;
            }
            i = (i + 1) & mask;
        }
        table[i] = hash;
        if (size == distinct.length) {
            distinct = Arrays.copyOf(distinct, size * 2);
        }
        distinct[size++] = hash;
        if (size * 2 > table.length) {
            rehash();
        }
    }

    private void rehash() {
        table = new long[table.length * 2];
        int mask = table.length - 1;
        for (int k = 0; k < size; k++) {
            int i = (int) distinct[k] & mask;
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = distinct[k];
        }
    }

    public int size() {
        return size;
    }

    /** The distinct hashes; only the first {@link #size()} entries are features. */
    long[] hashes() {
        return distinct;
    }
}
