package io.parley.events;

/**
 * What ingest observed about how a comment was submitted, for moderation to weigh. None of it
 * identifies a person: the fingerprint is a keyed hash under a key that rotates daily.
 *
 * @param honeypotFilled    the hidden form field that only robots fill was filled
 * @param fillTimeMillis    time from rendering the form to submitting it, from a signed form
 *                          timestamp; {@code null} when the client did not send one
 * @param proofOfWorkBits   leading zero bits of the verified proof-of-work stamp; 0 when none
 * @param requiredWorkBits  the difficulty ingest asked for at the time (it rises under a flood)
 * @param clientFingerprint daily-rotating HMAC of connection attributes; never an IP address
 * @param viaForm           posted by the no-JavaScript HTML form rather than the JSON API
 */
public record AbuseSignals(
        boolean honeypotFilled,
        Long fillTimeMillis,
        int proofOfWorkBits,
        int requiredWorkBits,
        String clientFingerprint,
        boolean viaForm) {

    public static AbuseSignals none() {
        return new AbuseSignals(false, null, 0, 0, null, false);
    }
}
