package io.parley.moderation.engine.classify;

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

    /** Sum of the (first model's) weights of a comment's features; features the model never saw weigh nothing. */
    double sum(FeatureSet features) {
        double s = 0;
        long[] hashes = features.hashes();
        for (int k = 0; k < features.size(); k++) {
            long h = hashes[k];
            int i = (int) h & mask;
            long key;
            while ((key = slots[stride * i]) != 0) {
                if (key == h) {
                    s += Double.longBitsToDouble(slots[stride * i + 1]);
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        return s;
    }

    /**
     * The sums of a two-model table's weights, each model's in its own element of {@code sums}. The probe
     * is written out here, as in {@link #sum}: moderation runs with C1 only, which inlines little.
     */
    void sums(FeatureSet features, double[] sums) {
        if (stride != 3) {
            throw new IllegalStateException("not a two-model table");
        }
        double first = 0;
        double second = 0;
        long[] hashes = features.hashes();
        for (int k = 0; k < features.size(); k++) {
            long h = hashes[k];
            int i = (int) h & mask;
            long key;
            while ((key = slots[3 * i]) != 0) {
                if (key == h) {
                    first += Double.longBitsToDouble(slots[3 * i + 1]);
                    second += Double.longBitsToDouble(slots[3 * i + 2]);
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        sums[0] = first;
        sums[1] = second;
    }
}
