package io.parley.moderation.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void aFewMistakesAreFree() {
        for (int i = 1; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            throttle.failed("ada");
        }
        assertThat(throttle.allowed("ada")).isTrue();
    }

    @Test
    void afterTheFreeAttemptsEachFailureDoublesTheWait() {
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            throttle.failed("ada");
        }
        assertThat(throttle.allowed("ada")).isFalse();
        clock.advance(Duration.ofMillis(999));
        assertThat(throttle.allowed("ada")).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(throttle.allowed("ada")).isTrue();

        throttle.failed("ada");
        clock.advance(Duration.ofMillis(1999));
        assertThat(throttle.allowed("ada")).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(throttle.allowed("ada")).isTrue();
    }

    @Test
    void theWaitNeverExceedsFifteenMinutes() {
        for (int i = 0; i < 60; i++) {
            throttle.failed("ada");
        }
        clock.advance(LoginThrottle.MAX_DELAY);
        assertThat(throttle.allowed("ada")).isTrue();
    }

    @Test
    void usernamesAreThrottledApartButRegardlessOfCase() {
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            throttle.failed("Ada");
        }
        assertThat(throttle.allowed("ada")).isFalse();
        assertThat(throttle.allowed("grace")).isTrue();
    }

    @Test
    void aSuccessStartsAfresh() {
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS - 1; i++) {
            throttle.failed("ada");
        }
        throttle.succeeded("ada");
        throttle.failed("ada");
        assertThat(throttle.allowed("ada")).isTrue();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
