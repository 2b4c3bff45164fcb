package io.parley.ingest.rest;

import java.util.UUID;

/** The 202 answer: the comment was written to Kafka and will be moderated. */
public record CommentReceipt(UUID id, String postId, String status) {

    static CommentReceipt received(UUID id, String postId) {
        return new CommentReceipt(id, postId, "received");
    }
}
