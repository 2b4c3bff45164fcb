package io.parley.moderation.service;

import io.parley.events.Outcome;
import io.parley.moderation.domain.ModeratedComment;
import io.parley.moderation.engine.signal.Trust;

import java.util.HashMap;
import java.util.Map;

/**
 * How each author's comments ended, read once for a batch and kept current as the batch decides, so a
 * commenter's trust reflects their comments earlier in the same batch as it would one by one.
 */
final class AuthorRecords {

    private final Map<String, long[]> approvedAndRefused = new HashMap<>();

    AuthorRecords(Map<String, Map<Outcome, Long>> stored) {
        stored.forEach((author, outcomes) -> outcomes.forEach((outcome, count) -> add(author, outcome, count)));
    }

    /** The author's trust, not counting the comment being judged. */
    Trust trustOf(ModeratedComment comment) {
        if (comment.authorKey == null) {
            return Trust.FIRST_TIME;
        }
        long[] counts = approvedAndRefused.getOrDefault(comment.authorKey, new long[2]);
        long approved = counts[0] - (comment.outcome == Outcome.APPROVED ? 1 : 0);
        long refused = counts[1] - (refused(comment.outcome) ? 1 : 0);
        return Trust.of(approved, refused);
    }

    /** Records that a comment's outcome moved from {@code before} (null when new) to its current one. */
    void moved(ModeratedComment comment, Outcome before) {
        if (comment.authorKey != null && before != comment.outcome) {
            add(comment.authorKey, before, -1);
            add(comment.authorKey, comment.outcome, 1);
        }
    }

    private void add(String author, Outcome outcome, long count) {
        if (outcome == Outcome.APPROVED) {
            approvedAndRefused.computeIfAbsent(author, a -> new long[2])[0] += count;
        } else if (refused(outcome)) {
            approvedAndRefused.computeIfAbsent(author, a -> new long[2])[1] += count;
        }
    }

    private static boolean refused(Outcome outcome) {
        return outcome == Outcome.SPAM || outcome == Outcome.REJECTED;
    }
}
