package io.parley.support.abuse;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed form timestamps: {@code v1.<issuedAtMillis>.<hmac>} where the HMAC-SHA256 covers the
 * post id and the time. Whoever renders a comment form (publish's fragment, ingest's challenge
 * endpoint for the widget) issues one; ingest verifies it to learn how long the form was open, a
 * signal robots give away by submitting instantly. It also anchors the proof-of-work stamp.
 * Both sides share the key ({@code PARLEY_FORM_KEY}); nothing about the reader is in it.
 */
public final class FormTokens {

    private static final String VERSION = "v1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;

    public FormTokens(String key) {
        if (key == null || key.length() < 16) {
            throw new IllegalArgumentException("the form key must have at least 16 characters");
        }
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    public String issue(String postId, Instant now) {
        long millis = now.toEpochMilli();
        return VERSION + "." + millis + "." + sign(postId, millis);
    }

    /**
     * The time the token was issued, if it is genuine, for this post, not from the future and not
     * older than {@code maxAge}.
     */
    public Optional<Instant> verify(String token, String postId, Instant now, Duration maxAge) {
        if (token == null || postId == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0]) || parts[1].length() > 15) {
            return Optional.empty();
        }
        long millis;
        try {
            millis = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        byte[] expected = sign(postId, millis).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Instant issued = Instant.ofEpochMilli(millis);
        if (issued.isAfter(now.plusSeconds(5)) || issued.plus(maxAge).isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(issued);
    }

    private String sign(String postId, long millis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((VERSION + "\n" + postId + "\n" + millis).getBytes(StandardCharsets.UTF_8));
            return B64.encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
