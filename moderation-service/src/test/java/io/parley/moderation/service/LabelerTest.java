package io.parley.moderation.service;

import io.parley.events.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LabelerTest {

    private final Labeler labeler = new Labeler();

    @Test
    void plainTextIsApproved() {
        assertThat(labeler.label("Thanks, this helped me set up my relay.").outcome()).isEqualTo(Outcome.APPROVED);
    }

    @Test
    void httpLinkIsHeldForReview() {
        Labeler.Label label = labeler.label("cheap jerseys at https://spam.example/buy");
        assertThat(label.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(label.reason()).contains("link");
    }

    @Test
    void bareWwwLinkIsHeldForReview() {
        assertThat(labeler.label("see WWW.spam.example now").outcome()).isEqualTo(Outcome.PENDING);
    }
}
