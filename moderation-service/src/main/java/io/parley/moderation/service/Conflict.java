package io.parley.moderation.service;

/** A request that contradicts the current state (a withdrawn comment, a taken name, the last admin): a 409. */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
