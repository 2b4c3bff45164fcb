package io.parley.ingest.service;

import io.parley.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Names for readers that identify no one. The client fingerprint is a keyed hash of connection
 * attributes under a key derived per UTC day, so yesterday's fingerprints cannot be linked to today's
 * and the raw attributes are never kept. The author key is a stable keyed hash of name and e-mail, so
 * moderation can recognise a returning commenter's record without knowing who they are.
 */
@ApplicationScoped
public class Pseudonyms {

    private final byte[] secret;
    private final Clock clock;

    public Pseudonyms(IngestConfig config, Clock clock) {
        if (config.secret().length() < 32) {
            throw new IllegalStateException("parley.ingest.secret must have at least 32 characters");
        }
        this.secret = config.secret().getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Today's fingerprint of a client; the inputs are used here and nowhere else. */
    public String clientFingerprint(String remoteAddress, String userAgent, String acceptLanguage) {
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        byte[] dailyKey = Hmac.sign(secret, "fingerprint-key\n" + day);
        return Hmac.signToText(dailyKey, nullToEmpty(remoteAddress) + "\n" + nullToEmpty(userAgent) + "\n"
                + nullToEmpty(acceptLanguage), 12);
    }

    public String authorKey(String name, String email) {
        return Hmac.signToText(secret, "author\n" + normalise(name) + "\n" + normalise(email), 16);
    }

    byte[] secret() {
        return secret;
    }

    private static String normalise(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
