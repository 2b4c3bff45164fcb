package io.parley.ingest.service;

import io.parley.events.CommentAuthor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** A validated comment, normalised and ready to be written. */
public record NewComment(String postId, UUID parentId, CommentAuthor author, String body) {

    /** SHA-256 over every field, to recognise a retry of the very same comment. */
    public String contentHash() {
        String canonical = String.join("\u0000", postId, String.valueOf(parentId), author.name(),
                String.valueOf(author.email()), String.valueOf(author.url()), body);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
