package io.parley.publish.rest;

/** A query parameter the request got wrong; answered as a 400 problem naming it. */
public class InvalidParameterException extends RuntimeException {

    private final String field;

    public InvalidParameterException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
