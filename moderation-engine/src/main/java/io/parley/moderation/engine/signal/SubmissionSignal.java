package io.parley.moderation.engine.signal;

import io.parley.events.AbuseSignals;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads ingest's observations of how a comment was sent. A filled honeypot decides on its own;
 * a form filled faster than a person can type, or a proof of work short of what was asked, only
 * add evidence. Events from producers that predate the signals carry none, and prove nothing.
 *
 * @param honeypot       the hidden field was filled
 * @param tooFast        the form was submitted sooner than {@link #MIN_FILL_MILLIS} after it was shown
 * @param weakWork       the proof of work has fewer bits than ingest required
 */
public record SubmissionSignal(boolean honeypot, boolean tooFast, boolean weakWork) {

    /** Reading a post and typing even a short comment takes longer than this. */
    public static final long MIN_FILL_MILLIS = 3_000;

    public static final SubmissionSignal NONE = new SubmissionSignal(false, false, false);

    public static SubmissionSignal of(AbuseSignals signals) {
        if (signals == null) {
            return NONE;
        }
        boolean tooFast = signals.fillTimeMillis() != null && signals.fillTimeMillis() < MIN_FILL_MILLIS;
        boolean weakWork = signals.requiredWorkBits() > 0 && signals.proofOfWorkBits() < signals.requiredWorkBits();
        return new SubmissionSignal(signals.honeypotFilled(), tooFast, weakWork);
    }

    public List<String> rules() {
        List<String> rules = new ArrayList<>();
        if (honeypot) {
            rules.add("honeypot-filled");
        }
        if (tooFast) {
            rules.add("form-filled-too-fast");
        }
        if (weakWork) {
            rules.add("proof-of-work-short");
        }
        return rules;
    }
}
