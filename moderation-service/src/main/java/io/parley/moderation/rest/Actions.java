package io.parley.moderation.rest;

/** The actions a moderator may take, as the API spells them. */
final class Actions {

    static final String PATTERN = "approve|reject|spam|restore";
    static final String MESSAGE = "must be approve, reject, spam or restore";

    private Actions() {
    }
}
