package io.parley.moderation.engine;

import io.parley.moderation.engine.semantic.SentenceEncoder;

import java.util.function.Supplier;

/**
 * When the engine pays for a sentence embedding: only for comments whose first-stage (n-gram) scores
 * leave the outcome open, because an embedding costs milliseconds and the n-gram scoring tens of
 * microseconds. The encoder is asked for on the first such comment, so a lazily loaded model
 * ({@code BgeSmallEncoder::shared}) is loaded only when it is needed.
 *
 * @param spamFrom      first-stage spam probability from which a comment the first stage would let
 *                      through (below the review threshold) gets a second look
 * @param offensiveFrom first-stage offensive probability from which the second stage scores it again
 */
public record SecondStage(Supplier<SentenceEncoder> encoder, double spamFrom, double offensiveFrom) {

    public static final double DEFAULT_SPAM_FROM = 0.3;
    public static final double DEFAULT_OFFENSIVE_FROM = 0.2;

    /** The band the benchmark reports. */
    public static SecondStage of(Supplier<SentenceEncoder> encoder) {
        return new SecondStage(encoder, DEFAULT_SPAM_FROM, DEFAULT_OFFENSIVE_FROM);
    }

    public SecondStage {
        if (!(0 <= spamFrom && spamFrom <= 1 && 0 <= offensiveFrom && offensiveFrom <= 1)) {
            throw new IllegalArgumentException("need spamFrom and offensiveFrom in [0, 1]");
        }
    }

    /**
     * Spam: only comments the first stage would let through are worth a second look, and then only
     * to hold them for review (see {@link ModerationEngine}); comments at or above the review
     * threshold are held or marked spam anyway.
     */
    boolean uncertainSpam(double firstStage, Thresholds thresholds) {
        return spamFrom <= firstStage && firstStage < thresholds.review();
    }

    /**
     * Offensive comments are rare on a blog, so every comment the first stage finds at all likely
     * offensive is scored again, the confident ones too: words alone do not tell an insult from a
     * comment that quotes or discusses one.
     */
    boolean uncertainOffensive(double firstStage) {
        return firstStage >= offensiveFrom;
    }
}
