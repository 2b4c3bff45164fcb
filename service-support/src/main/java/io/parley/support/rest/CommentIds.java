package io.parley.support.rest;

/** Comment ids are UUIDs in their canonical, lower-case 36-character form. */
public final class CommentIds {

    public static final String PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    public static final String MESSAGE = "must be a comment id (a lower-case UUID)";

    private CommentIds() {
    }
}
