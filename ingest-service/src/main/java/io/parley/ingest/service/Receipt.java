package io.parley.ingest.service;

import java.util.UUID;

/** What the commenter gets back: the comment's id and the secret to edit or withdraw it. */
public record Receipt(UUID id, String postId, String editToken) {
}
