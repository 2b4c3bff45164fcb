package io.parley.moderation.engine.classify;

import io.parley.events.Outcome;

/** What a comment is, as a training label: a moderator's decision or a line of the starter corpus. */
public enum Label {
    HAM, SPAM, OFFENSIVE;

    /** A moderator's approve, spam or reject as a training label; other outcomes teach nothing. */
    public static java.util.Optional<Label> of(Outcome outcome) {
        if (outcome == Outcome.APPROVED) {
            return java.util.Optional.of(HAM);
        }
        if (outcome == Outcome.SPAM) {
            return java.util.Optional.of(SPAM);
        }
        if (outcome == Outcome.REJECTED) {
            return java.util.Optional.of(OFFENSIVE);
        }
        return java.util.Optional.empty();
    }
}
