package io.parley.moderation.config;

import io.parley.moderation.engine.Thresholds;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Where the engine's scores turn into outcomes ({@code parley.moderation.*}); see {@link Thresholds}. */
@ConfigMapping(prefix = "parley.moderation")
public interface ModerationConfig {

    /** Spam score at or above which a comment is marked spam without review. */
    @WithDefault("0.85")
    double spamThreshold();

    /** Spam score at or above which a human looks first. */
    @WithDefault("0.5")
    double reviewThreshold();

    /** Offensive score at or above which a comment is rejected without review. */
    @WithDefault("0.95")
    double offensiveRejectThreshold();

    /** Offensive score at or above which a human looks first. */
    @WithDefault("0.7")
    double offensiveReviewThreshold();

    /** Off-topic score (1 - relevance to the post or parent) at or above which a comment counts as unrelated. */
    @WithDefault("0.95")
    double offTopicThreshold();

    /** An unrelated comment is held only if its spam score is at least this: relevance never decides alone. */
    @WithDefault("0.25")
    double offTopicSpamFloor();

    /**
     * Whether comments whose n-gram scores are uncertain are scored again from a sentence embedding
     * (quantized bge-small-en-v1.5, in-process). Off by default: the loaded model costs about 85 MB of
     * resident memory (see README, Moderation).
     */
    @WithDefault("false")
    boolean secondStage();

    /** Password of the first admin, {@code admin}, created at start when no admin exists (PARLEY_ADMIN_PASSWORD). */
    Optional<String> adminPassword();

    default Thresholds thresholds() {
        return new Thresholds(spamThreshold(), reviewThreshold(), offensiveRejectThreshold(),
                offensiveReviewThreshold(), offTopicThreshold(), offTopicSpamFloor());
    }
}
