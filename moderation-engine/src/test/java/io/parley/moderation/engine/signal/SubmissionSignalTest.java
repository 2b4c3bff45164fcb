package io.parley.moderation.engine.signal;

import io.parley.events.AbuseSignals;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionSignalTest {

    @Test
    void eventsWithoutSignalsProveNothing() {
        assertThat(SubmissionSignal.of(null)).isEqualTo(SubmissionSignal.NONE);
        assertThat(SubmissionSignal.of(AbuseSignals.none()).rules()).isEmpty();
    }

    @Test
    void honeypotFastFillAndShortWorkAreEachReported() {
        SubmissionSignal s = SubmissionSignal.of(new AbuseSignals(true, 800L, 12, 20, null, true));
        assertThat(s.rules()).containsExactly("honeypot-filled", "form-filled-too-fast", "proof-of-work-short");
    }

    @Test
    void humanPaceWithEnoughWorkRaisesNothing() {
        assertThat(SubmissionSignal.of(new AbuseSignals(false, 45_000L, 20, 20, "fp", false)).rules()).isEmpty();
    }
}
