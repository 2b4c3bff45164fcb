package io.parley.publish.service;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** The order of a thread's top-level comments; replies are always oldest first. */
public enum ThreadOrder {
    OLDEST,
    NEWEST;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ThreadOrder> parse(String name) {
        for (ThreadOrder order : values()) {
            if (order.wireName().equals(name)) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }

    <T> Comparator<T> apply(Comparator<T> oldestFirst) {
        return this == OLDEST ? oldestFirst : oldestFirst.reversed();
    }
}
