package io.parley.moderation.security;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing per username, in memory (per instance): after {@link #FREE_ATTEMPTS}
 * failures in a row, every further attempt waits twice as long as the previous one (1 s, 2 s, 4 s,
 * ... up to {@link #MAX_DELAY}), even with the right password. Attempts refused while waiting do not
 * count, so a guesser cannot lock a moderator out for longer than the delay; a success starts afresh.
 */
@ApplicationScoped
public class LoginThrottle {

    public static final int FREE_ATTEMPTS = 5;
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 10_000;

    private record Failures(int count, Instant last, Instant blockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether an attempt for this username may be checked now. */
    public boolean allowed(String username) {
        Failures f = failures.get(key(username));
        return f == null || f.blockedUntil() == null || !clock.instant().isBefore(f.blockedUntil());
    }

    public void failed(String username) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(f -> f.last().plus(MAX_DELAY).isBefore(now));
        }
        failures.compute(key(username), (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            Instant blockedUntil = count < FREE_ATTEMPTS ? null : now.plus(delay(count));
            return new Failures(count, now, blockedUntil);
        });
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    static Duration delay(int failuresInARow) {
        int doublings = Math.min(failuresInARow - FREE_ATTEMPTS, 20);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }
}
