package io.parley.moderation.engine;

import io.parley.events.AbuseSignals;
import io.parley.moderation.engine.signal.Campaign;
import io.parley.moderation.engine.signal.Relevance;
import io.parley.moderation.engine.signal.Trust;

/**
 * Everything the engine weighs about one comment.
 *
 * @param signals    ingest's abuse signals; null for events that predate them
 * @param post       the post's text as {@link Relevance#document} prepared it, null when the post is not registered
 * @param parentText the text of the comment this one replies to, or null
 * @param campaign   the near-duplicate group the comment joined, or null when it was too short to fingerprint
 */
public record CommentInput(String body, String authorName, String authorUrl, AbuseSignals signals,
                           Relevance.Document post, String parentText, Trust trust, Campaign campaign) {

    public static CommentInput of(String body, String authorName, String authorUrl) {
        return new CommentInput(body, authorName, authorUrl, null, null, null, Trust.FIRST_TIME, null);
    }

    public CommentInput withCampaign(Campaign c) {
        return new CommentInput(body, authorName, authorUrl, signals, post, parentText, trust, c);
    }

    public CommentInput withTrust(Trust t) {
        return new CommentInput(body, authorName, authorUrl, signals, post, parentText, t, campaign);
    }

    public CommentInput withContext(Relevance.Document p, String parent) {
        return new CommentInput(body, authorName, authorUrl, signals, p, parent, trust, campaign);
    }

    public CommentInput withSignals(AbuseSignals s) {
        return new CommentInput(body, authorName, authorUrl, s, post, parentText, trust, campaign);
    }
}
