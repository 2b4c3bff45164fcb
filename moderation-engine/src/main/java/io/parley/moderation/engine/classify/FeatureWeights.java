package io.parley.moderation.engine.classify;

import java.util.Arrays;

/**
 * Model weights keyed by feature hash (open addressing), so scoring a comment needs no feature-name
 * strings and no {@code HashMap<String, ...>} lookups. A key and its weights sit side by side in one
 * array: a lookup touches one cache line, which matters with a vocabulary of a few hundred thousand.
 * A table may hold several models' weights per key ({@link PairedModels}), so that scoring a comment
 * with all of them probes each feature once.
 */
final class FeatureWeights {

    /** Slot i: key at i * stride (0 when empty), then the weights' bits, one per model. */
    private long[] slots;
    private final int stride;
    private int mask;
    private int size;

    /** @param models how many weights each feature has */
    FeatureWeights(int expected, int models) {
        stride = 1 + models;
        allocate(Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1);
    }

    private void allocate(int capacity) {
        slots = new long[stride * capacity];
        mask = capacity - 1;
    }

    /** Sets one model's weight of a feature; a feature another model knows but this one does not weighs 0. */
    void put(long hash, int model, double weight) {
        if (2 * (size + 1) > mask + 1) {
            grow();
        }
        int slot = slotFor(hash);
        if (slots[slot] == 0) {
            slots[slot] = hash;
            size++;
        }
        slots[slot + 1 + model] = Double.doubleToRawLongBits(weight);
    }

    /** The slot holding the key, or the empty slot where it goes. */
    private int slotFor(long hash) {
        int i = (int) hash & mask;
        while (slots[stride * i] != 0 && slots[stride * i] != hash) {
            i = (i + 1) & mask;
        }
        return stride * i;
    }

    private void grow() {
        long[] old = slots;
        allocate(2 * (mask + 1));
        for (int from = 0; from < old.length; from += stride) {
            if (old[from] != 0) {
                System.arraycopy(old, from, slots, slotFor(old[from]), stride);
            }
        }
    }

    /**
     * Each model's sum of the weights of a comment's features, one element of {@code sums} per model;
     * features a model never saw weigh nothing. One probe per feature, whatever the number of models.
     */
    void sums(FeatureSet features, double[] sums) {
        if (sums.length != stride - 1) {
            throw new IllegalArgumentException("a table of " + (stride - 1) + " models, " + sums.length + " sums");
        }
        Arrays.fill(sums, 0);
        long[] hashes = features.hashes();
        for (int k = 0; k < features.size(); k++) {
            int slot = slotFor(hashes[k]);
            if (slots[slot] != 0) {
                for (int model = 0; model < sums.length; model++) {
                    sums[model] += Double.longBitsToDouble(slots[slot + 1 + model]);
                }
            }
        }
    }
}
