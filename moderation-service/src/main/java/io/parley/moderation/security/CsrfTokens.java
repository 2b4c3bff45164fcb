package io.parley.moderation.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The console's CSRF tokens: signed double-submit. A token is a random nonce with an HMAC binding it
 * to the signed-in moderator; it travels in an HttpOnly, SameSite=Strict cookie and in every form,
 * and a state-changing request must carry the same valid token in both. The key derives from the
 * session encryption key, which replicas must share anyway, or is random per instance.
 */
@ApplicationScoped
public class CsrfTokens {

    public static final String COOKIE = "parley-csrf";
    public static final String FIELD = "csrf";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    public CsrfTokens(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey) {
        this.key = sessionKey.filter(k -> !k.isBlank())
                .map(k -> sha256(("parley-csrf:" + k).getBytes(StandardCharsets.UTF_8)))
                .orElseGet(() -> {
                    byte[] random = new byte[32];
                    RANDOM.nextBytes(random);
                    return random;
                });
    }

    public String issue(String username) {
        byte[] nonce = new byte[24];
        RANDOM.nextBytes(nonce);
        String n = B64.encodeToString(nonce);
        return n + "." + mac(n, username);
    }

    /** Whether this token was issued for this moderator. */
    public boolean valid(String token, String username) {
        if (token == null || username == null) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        return MessageDigest.isEqual(mac(token.substring(0, dot), username).getBytes(StandardCharsets.US_ASCII),
                token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cookie's token and the form's are the same, and valid for this moderator. */
    public boolean accepts(String cookie, String field, String username) {
        return cookie != null && field != null
                && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8))
                && valid(cookie, username);
    }

    private String mac(String nonce, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal((nonce + "\n" + username).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
