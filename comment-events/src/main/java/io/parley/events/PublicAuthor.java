package io.parley.events;

/** The part of a {@link CommentAuthor} readers may see. */
public record PublicAuthor(String name, String url) {
}
