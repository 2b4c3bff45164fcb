package io.parley.moderation.engine.signal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrustTest {

    @Test
    void trustGrowsWithApprovedCommentsAndStopsAtAnyRefusal() {
        assertThat(Trust.of(0, 0)).isEqualTo(Trust.FIRST_TIME);
        assertThat(Trust.of(1, 0)).isEqualTo(Trust.KNOWN);
        assertThat(Trust.of(Trust.TRUSTED_AFTER, 0)).isEqualTo(Trust.TRUSTED);
        assertThat(Trust.of(10, 1)).isEqualTo(Trust.KNOWN);
    }
}
