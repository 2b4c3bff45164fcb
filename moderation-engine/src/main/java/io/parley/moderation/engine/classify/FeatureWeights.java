package io.parley.moderation.engine.classify;

/**
 * Model weights keyed by feature hash (open addressing), so scoring a comment needs no feature-name
 * strings and no {@code HashMap<String, ...>} lookups. A key and its weights sit side by side in one
 * array: a lookup touches one cache line, which matters with a vocabulary of a few hundred thousand.
 * A table may hold several models' weights per key ({@link #joint}), so that scoring a comment with
 * all of them probes each feature once.
 */
final class FeatureWeights {

    /** Slot i: key at i * stride (0 when empty), then the weights' bits, one per model. */
    private final long[] slots;
    private final int stride;
    private final int mask;
    private int size;

    FeatureWeights(int expected) {
        this(expected, 1);
    }

    private FeatureWeights(int expected, int models) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        stride = 1 + models;
        slots = new long[stride * capacity];
        mask = capacity - 1;
    }

    /** One table with {@code a}'s weights first and {@code b}'s second; a feature only one knows weighs 0 in the other. */
    static FeatureWeights joint(FeatureWeights a, FeatureWeights b) {
        FeatureWeights joint = new FeatureWeights(a.size + b.size, a.models() + b.models());
        a.copyInto(joint, 0);
        b.copyInto(joint, a.models());
        return joint;
    }

    private int models() {
        return stride - 1;
    }

    private void copyInto(FeatureWeights target, int firstModel) {
        for (int i = 0; i < slots.length; i += stride) {
            if (slots[i] != 0) {
                for (int m = 0; m < models(); m++) {
                    target.put(slots[i], firstModel + m, Double.longBitsToDouble(slots[i + 1 + m]));
                }
            }
        }
    }

    void put(long hash, double weight) {
        put(hash, 0, weight);
    }

    private void put(long hash, int model, double weight) {
        int i = (int) hash & mask;
        while (slots[stride * i] != 0 && slots[stride * i] != hash) {
            i = (i + 1) & mask;
        }
        if (slots[stride * i] == 0) {
            slots[stride * i] = hash;
            size++;
        }
        slots[stride * i + 1 + model] = Double.doubleToRawLongBits(weight);
    }

    /** Sum of the (first model's) weights of a comment's features; features the model never saw weigh nothing. */
    double sum(FeatureSet features) {
        double s = 0;
        long[] hashes = features.hashes();
        for (int k = 0; k < features.size(); k++) {
            int slot = find(hashes[k]);
            if (slot >= 0) {
                s += Double.longBitsToDouble(slots[slot + 1]);
            }
        }
        return s;
    }

    /**
     * The sums of a two-model table's weights, each model's in its own element of {@code sums}. The probe
     * is written out here: moderation runs with C1 only, which would not inline {@link #find}.
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

    /** The index of the key's slot, or -1. */
    private int find(long hash) {
        int i = (int) hash & mask;
        long key;
        while ((key = slots[stride * i]) != 0) {
            if (key == hash) {
                return stride * i;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }
}
