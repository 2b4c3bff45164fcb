package io.parley.moderation.rest;

/** A field that passed its format check but is still unusable (a stale cursor, a date in the past): a 400 naming it. */
public class InvalidField extends RuntimeException {

    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
