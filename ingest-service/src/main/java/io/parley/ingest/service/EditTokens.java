package io.parley.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The secret that lets a commenter edit or withdraw their own comment:
 * {@code v1.<createdMillis>.<postId base64url>.<mac>}. It is derived, never stored: ingest recomputes
 * the MAC over comment id, post and time, so retries of a submission get the same token and a
 * database leak yields none.
 */
@ApplicationScoped
public class EditTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();

    private final byte[] secret;

    public EditTokens(Pseudonyms pseudonyms) {
        this.secret = Hmac.sign(pseudonyms.secret(), "edit-token-key");
    }

    public String issue(UUID commentId, String postId, Instant createdAt) {
        long millis = createdAt.toEpochMilli();
        return "v1." + millis + "." + B64.encodeToString(postId.getBytes(StandardCharsets.UTF_8)) + "."
                + mac(commentId, postId, millis);
    }

    /** The comment's post and creation time, if the token is genuine for this comment. */
    public Optional<Grant> verify(UUID commentId, String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4 || !"v1".equals(parts[0])) {
            return Optional.empty();
        }
        try {
            long millis = Long.parseLong(parts[1]);
            String postId = new String(B64_DECODER.decode(parts[2]), StandardCharsets.UTF_8);
            boolean genuine = MessageDigest.isEqual(mac(commentId, postId, millis).getBytes(StandardCharsets.US_ASCII),
                    parts[3].getBytes(StandardCharsets.US_ASCII));
            return genuine ? Optional.of(new Grant(postId, Instant.ofEpochMilli(millis))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String mac(UUID commentId, String postId, long millis) {
        return Hmac.signToText(secret, commentId + "\n" + postId + "\n" + millis, 32);
    }

    public record Grant(String postId, Instant createdAt) {
    }
}
