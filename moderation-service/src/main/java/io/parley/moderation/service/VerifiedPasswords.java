package io.parley.moderation.service;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passwords that recently matched a stored bcrypt hash, kept only as an HMAC under a key that never
 * leaves this process. The stored hash is part of the entry, so a changed password is never matched
 * by its predecessor; entries expire after {@link #TTL}.
 */
final class VerifiedPasswords {

    static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 1_000;

    private final byte[] key = new byte[32];
    private final Map<String, Long> expiries = new ConcurrentHashMap<>();

    VerifiedPasswords() {
        new SecureRandom().nextBytes(key);
    }

    boolean recently(String storedHash, String password) {
        Long expiry = expiries.get(mac(storedHash, password));
        return expiry != null && System.nanoTime() - expiry < 0;
    }

    void remember(String storedHash, String password) {
        long now = System.nanoTime();
        if (expiries.size() >= MAX_ENTRIES) {
            expiries.values().removeIf(expiry -> now - expiry >= 0);
            if (expiries.size() >= MAX_ENTRIES) {
                expiries.clear();
            }
        }
        expiries.put(mac(storedHash, password), now + TTL.toNanos());
    }

    private String mac(String storedHash, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(storedHash.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
