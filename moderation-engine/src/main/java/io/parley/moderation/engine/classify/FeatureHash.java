package io.parley.moderation.engine.classify;

/**
 * 64-bit hashes of feature names (and of the terms {@code Relevance} compares), computed char by char so a feature can be hashed from the text it
 * comes from without building its name. FNV-1a over UTF-16 chars, then a finalising mix: hashing
 * {@code "w="} then a word gives the same value as hashing {@code "w=" + word}. At 64 bits, two features
 * of one model sharing a hash is too unlikely to matter.
 */
public final class FeatureHash {

    static final long START = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private FeatureHash() {
    }

    static long add(long h, char c) {
        return (h ^ c) * PRIME;
    }

    static long add(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * PRIME;
        }
        return h;
    }

    /** The final value of a running hash; never 0, which {@link FeatureWeights} uses for an empty slot. */
    static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    public static long of(String feature) {
        return finish(add(START, feature));
    }
}
