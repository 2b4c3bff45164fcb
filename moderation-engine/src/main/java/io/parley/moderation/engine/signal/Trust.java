package io.parley.moderation.engine.signal;

/**
 * How well Parley knows a commenter, by their pseudonymous author key: a first-time commenter, one
 * with a short record of approved comments, or a trusted regular. Any earlier comment judged spam or
 * rejected undoes trust.
 */
public enum Trust {
    /** No author key, or no earlier approved comment. */
    FIRST_TIME,
    /** At least one earlier approved comment. */
    KNOWN,
    /** At least {@link #TRUSTED_AFTER} approved comments and none judged spam or rejected. */
    TRUSTED;

    public static final int TRUSTED_AFTER = 3;

    public static Trust of(long approvedBefore, long refusedBefore) {
        if (approvedBefore <= 0) {
            return FIRST_TIME;
        }
        if (refusedBefore > 0) {
            return KNOWN;
        }
        return approvedBefore >= TRUSTED_AFTER ? TRUSTED : KNOWN;
    }
}
