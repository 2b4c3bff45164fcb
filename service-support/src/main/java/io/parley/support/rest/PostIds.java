package io.parley.support.rest;

/**
 * The rule every post id follows, so it is safe in URLs, Kafka keys and database columns:
 * 1–200 printable characters, none of them whitespace, a control character, {@code /}, {@code \},
 * {@code ?} or {@code #}.
 */
public final class PostIds {

    public static final String PATTERN = "[^\\s\\p{Cntrl}/\\\\?#]{1,200}";
    public static final String MESSAGE = "must be 1-200 characters without slashes, ?, #, whitespace or control characters";

    private PostIds() {
    }
}
