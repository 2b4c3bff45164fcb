package io.parley.moderation.engine.classify;

/**
 * A binary model's weights keyed by feature hash (open addressing), so scoring a comment needs no
 * feature-name strings and no {@code HashMap<String, ...>} lookups. Key and weight sit side by side in
 * one array: a lookup touches one cache line, which matters with a vocabulary of a few hundred thousand.
 */
final class FeatureWeights {

    /** Slot i: key at 2i (0 when empty), weight's bits at 2i + 1. */
    private final long[] slots;
    private final int mask;

    FeatureWeights(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        slots = new long[2 * capacity];
        mask = capacity - 1;
    }

    void put(long hash, double weight) {
        int i = (int) hash & mask;
        while (slots[2 * i] != 0 && slots[2 * i] != hash) {
            i = (i + 1) & mask;
        }
        slots[2 * i] = hash;
        slots[2 * i + 1] = Double.doubleToRawLongBits(weight);
    }

    /** Sum of the weights of a comment's features; features the model never saw weigh nothing. */
    double sum(FeatureSet features) {
        double s = 0;
        long[] hashes = features.hashes();
        for (int k = 0; k < features.size(); k++) {
            long h = hashes[k];
            int i = (int) h & mask;
            long key;
            while ((key = slots[2 * i]) != 0) {
                if (key == h) {
                    s += Double.longBitsToDouble(slots[2 * i + 1]);
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        return s;
    }
}
