package io.parley.ingest.service;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/** HMAC-SHA256 rendered base64url, the one keyed hash behind ingest's tokens and pseudonyms. */
final class Hmac {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Hmac() {
    }

    static byte[] sign(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The first {@code bytes} bytes of the MAC, base64url. */
    static String signToText(byte[] key, String message, int bytes) {
        byte[] mac = sign(key, message);
        return B64.encodeToString(bytes >= mac.length ? mac : java.util.Arrays.copyOf(mac, bytes));
    }
}
