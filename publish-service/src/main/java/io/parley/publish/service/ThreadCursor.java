package io.parley.publish.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page of top-level comments ended: the last comment's time and id, in the order the page
 * was read. Opaque to clients (base64url); a cursor only continues the order it was made for.
 */
public record ThreadCursor(ThreadOrder order, Instant submittedAt, UUID id) {

    private static final String VERSION = "c1";

    public String encode() {
        String plain = String.join("|", VERSION, order.wireName(), Long.toString(submittedAt.getEpochSecond()),
                Integer.toString(submittedAt.getNano()), id.toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<ThreadCursor> decode(String cursor) {
        if (cursor == null || cursor.length() > 200) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 5 || !VERSION.equals(parts[0])) {
                return Optional.empty();
            }
            Optional<ThreadOrder> order = ThreadOrder.parse(parts[1]);
            if (order.isEmpty()) {
                return Optional.empty();
            }
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[2]), Long.parseLong(parts[3]));
            return Optional.of(new ThreadCursor(order.get(), at, UUID.fromString(parts[4])));
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
