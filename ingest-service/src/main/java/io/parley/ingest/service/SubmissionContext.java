package io.parley.ingest.service;

/**
 * How a comment arrived, as far as anti-abuse needs to know: never the raw connection attributes,
 * only their fingerprint.
 *
 * @param idempotencyKey the client's Idempotency-Key, or {@code null}
 * @param honeypot       what was typed into the field only robots see
 */
public record SubmissionContext(String clientFingerprint, String idempotencyKey, String honeypot, String formToken,
                                String powNonce, boolean viaForm) {
}
