package io.parley.moderation.engine;

/**
 * Where scores turn into outcomes. The service reads them from configuration
 * ({@code parley.moderation.*}); these defaults are the ones the benchmark reports.
 *
 * @param spam              spam score at or above which a comment is marked spam without review
 * @param review            spam score at or above which a human looks first
 * @param offensiveReject   offensive score at or above which a comment is rejected without review
 * @param offensiveReview   offensive score at or above which a human looks first
 * @param offTopic          off-topic score (1 - relevance) at or above which the comment counts as unrelated
 * @param offTopicSpamFloor an unrelated comment goes to review only if its spam score is at least this:
 *                          relevance is never enough on its own
 */
public record Thresholds(double spam, double review, double offensiveReject, double offensiveReview,
                         double offTopic, double offTopicSpamFloor) {

    public static final Thresholds DEFAULTS = new Thresholds(0.95, 0.5, 0.95, 0.7, 0.95, 0.25);

    public Thresholds {
        if (!(0 <= review && review <= spam && spam <= 1)) {
            throw new IllegalArgumentException("need 0 <= review <= spam <= 1");
        }
        if (!(0 <= offensiveReview && offensiveReview <= offensiveReject && offensiveReject <= 1)) {
            throw new IllegalArgumentException("need 0 <= offensiveReview <= offensiveReject <= 1");
        }
    }
}
