package io.parley.support.abuse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Hashcash-style proof of work, anchored to a form token so stamps cannot be made in advance:
 * the client finds a {@code nonce} such that SHA-256({@code "parley-pow:v1:" + formToken + ":" + nonce})
 * starts with at least the required number of zero bits. The widget (embed.js) computes it; ingest
 * verifies it in one hash. It is a cost for floods, never a lock: a reader without JavaScript sends
 * none, and moderation weighs that instead of ingest refusing them.
 */
public final class ProofOfWork {

    public static final String PREFIX = "parley-pow:v1:";
    /** Nonces are short decimal or hex strings; anything longer is not a stamp we made. */
    private static final int MAX_NONCE_LENGTH = 32;

    private ProofOfWork() {
    }

    /** The number of leading zero bits of the stamp's hash, or 0 when there is no valid stamp. */
    public static int bits(String formToken, String nonce) {
        if (formToken == null || nonce == null || nonce.isEmpty() || nonce.length() > MAX_NONCE_LENGTH) {
            return 0;
        }
        byte[] hash = sha256(PREFIX + formToken + ":" + nonce);
        int bits = 0;
        for (byte b : hash) {
            if (b == 0) {
                bits += 8;
                continue;
            }
            bits += Integer.numberOfLeadingZeros(b & 0xff) - 24;
            break;
        }
        return bits;
    }

    /** Finds a nonce meeting {@code bits}; for tests and load tools, which play the widget's part. */
    public static String solve(String formToken, int bits) {
        for (long nonce = 0; ; nonce++) {
            String candidate = Long.toString(nonce, 16);
            if (bits(formToken, candidate) >= bits) {
                return candidate;
            }
        }
    }

    private static byte[] sha256(String input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
