package io.parley.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Moderation's current decision about a comment, written to {@link Topics#DECISIONS}. It carries
 * everything publish needs to show or hide the comment, so publish never asks another service.
 *
 * @param version     per comment, strictly increasing with every new decision; publish applies
 *                    a decision only if its version is newer than the one it holds
 * @param submittedAt when ingest accepted the comment (for ordering threads and measuring latency)
 */
public record ModerationDecision(
        int schemaVersion,
        UUID commentId,
        long version,
        String postId,
        UUID parentId,
        Outcome outcome,
        PublicAuthor author,
        String body,
        Instant submittedAt,
        Instant decidedAt) implements VersionedEvent {

    public static ModerationDecision of(UUID commentId, long version, String postId, UUID parentId, Outcome outcome,
                                        PublicAuthor author, String body, Instant submittedAt, Instant decidedAt) {
        return new ModerationDecision(SCHEMA_VERSION, commentId, version, postId, parentId, outcome, author, body,
                submittedAt, decidedAt);
    }
}
