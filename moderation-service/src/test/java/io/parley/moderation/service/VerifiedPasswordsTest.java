package io.parley.moderation.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedPasswordsTest {

    private final VerifiedPasswords verified = new VerifiedPasswords();

    @Test
    void aPasswordThatMatchedIsKnownForItsHashOnly() {
        verified.remember("$2a$10$hash-one", "correct horse");

        assertThat(verified.recently("$2a$10$hash-one", "correct horse")).isTrue();
        assertThat(verified.recently("$2a$10$hash-one", "correct horse!")).isFalse();
        assertThat(verified.recently("$2a$10$hash-two", "correct horse")).as("after a password change").isFalse();
    }

    @Test
    void nothingIsKnownUntilItMatched() {
        assertThat(verified.recently("$2a$10$hash-one", "correct horse")).isFalse();
    }
}
