package io.parley.moderation.engine.signal;

import io.parley.moderation.engine.text.Text;

import java.util.List;

/**
 * 64-bit SimHash over character 5-gram shingles of a comment's words. Texts that differ in a few
 * words, spacing, case or punctuation land within a few bits of each other, which is how a spam
 * campaign's reworded copies across posts are recognised.
 */
public final class SimHash {

    /** Fingerprints at most this many bits apart are the same text, reworded. */
    public static final int NEAR_DUPLICATE_BITS = 3;
    /** Below this many words, texts ("Thanks!", "Great post") repeat innocently and are not fingerprinted. */
    public static final int MIN_WORDS = 6;
    /** Four 16-bit bands: two fingerprints within 3 bits share at least one band exactly (pigeonhole). */
    public static final int BANDS = 4;
    private static final int SHINGLE = 5;
    private static final long LOW_BIT_OF_EACH_BYTE = 0x0101010101010101L;

    private SimHash() {
    }

    /**
     * The fingerprint of a normalized text's {@link Text#words}, or empty when the text is too short to
     * tell campaigns apart.
     */
    public static java.util.OptionalLong of(List<String> words) {
        if (words.size() < MIN_WORDS) {
            return java.util.OptionalLong.empty();
        }
        String s = String.join(" ", words);
        int shingles = s.length() - SHINGLE + 1;
        int[] ones = new int[64];
        // A bit is set when more than half the shingle hashes have it. The counts are kept eight to a
        // long, one per byte (lane k counts bits k, k + 8, ... 56 + k), so a shingle costs eight additions
        // instead of 64; the lanes are emptied before a byte can overflow.
        long[] lanes = new long[8];
        for (int i = 0; i < shingles; i++) {
            long h = hash(s, i, i + SHINGLE);
            for (int k = 0; k < 8; k++) {
                lanes[k] += (h >>> k) & LOW_BIT_OF_EACH_BYTE;
            }
            if ((i + 1) % 255 == 0 || i + 1 == shingles) {
                for (int k = 0; k < 8; k++) {
                    for (int b = 0; b < 8; b++) {
                        ones[8 * b + k] += (int) ((lanes[k] >>> (8 * b)) & 0xFF);
                    }
                    lanes[k] = 0;
                }
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (2 * ones[bit] > shingles) {
                fingerprint |= 1L << bit;
            }
        }
        return java.util.OptionalLong.of(fingerprint);
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** Band {@code i} (0..3) of a fingerprint, for indexed candidate lookup. */
    public static int band(long fingerprint, int i) {
        return (int) ((fingerprint >>> (16 * i)) & 0xFFFF);
    }

    /** FNV-1a over the characters, then a 64-bit finalizer so every output bit depends on every input. */
    private static long hash(String s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
