package io.parley.publish.rest;

import io.parley.publish.service.ThreadCursor;
import io.parley.publish.service.ThreadOrder;

/** The paging parameters of a thread read, checked: {@code sort}, {@code limit} and {@code cursor}. */
public record PageRequest(ThreadOrder order, int limit, ThreadCursor cursor) {

    public static final int MAX_LIMIT = 100;

    public static PageRequest of(String sort, String limit, String cursor, int defaultLimit) {
        ThreadOrder order = sort == null || sort.isEmpty() ? ThreadOrder.OLDEST : ThreadOrder.parse(sort)
                .orElseThrow(() -> new InvalidParameterException("sort", "must be oldest or newest"));
        int size = defaultLimit;
        if (limit != null && !limit.isEmpty()) {
            try {
                size = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_LIMIT) {
                throw new InvalidParameterException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        ThreadCursor after = null;
        if (cursor != null && !cursor.isEmpty()) {
            after = ThreadCursor.decode(cursor)
                    .filter(decoded -> decoded.order() == order)
                    .orElseThrow(() -> new InvalidParameterException("cursor",
                            "is not a cursor this thread gave out for sort=" + order.wireName()));
        }
        return new PageRequest(order, Math.min(size, MAX_LIMIT), after);
    }

    /** Tells one page of one order from another in the ETag. */
    public String variant() {
        return order.wireName() + "/" + limit + "/" + (cursor == null ? "" : cursor.encode());
    }
}
