package io.parley.ingest.service;

import io.parley.events.CommentAuthor;

import java.util.UUID;

/** A validated comment, normalised and ready to be written. */
public record NewComment(String postId, UUID parentId, CommentAuthor author, String body) {
}
