package io.parley.ingest.rest;

import io.parley.ingest.service.Receipt;

import java.util.UUID;

/**
 * The 202 answer: the comment was written to Kafka and will be moderated. {@code editToken} is the
 * secret that lets its author edit or withdraw it for a while (send it as {@code Authorization: Bearer}).
 */
public record CommentReceipt(UUID id, String postId, String status, String editToken) {

    static CommentReceipt received(Receipt receipt) {
        return new CommentReceipt(receipt.id(), receipt.postId(), "received", receipt.editToken());
    }
}
