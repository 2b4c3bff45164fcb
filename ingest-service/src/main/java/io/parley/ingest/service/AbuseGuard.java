package io.parley.ingest.service;

import io.parley.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rate limits and proof-of-work difficulty from per-minute counters held in memory (so each ingest
 * instance limits on its own: with N instances the effective limits are N times higher).
 * Readers with a sufficient proof of work are limited only per post, never per client: many Tor users
 * share one exit address and browser, hence one fingerprint, and must not lock each other out.
 */
@ApplicationScoped
public class AbuseGuard {

    private static final int MAX_TRACKED_KEYS = 200_000;

    private final IngestConfig.Abuse limits;
    private final Clock clock;
    private final Map<String, Window> perPost = new ConcurrentHashMap<>();
    private final Map<String, Window> perClientAndPost = new ConcurrentHashMap<>();

    public AbuseGuard(IngestConfig config, Clock clock) {
        this.limits = config.abuse();
        this.clock = clock;
    }

    /** Leading zero bits asked of a new proof of work for this post: rises by one per doubling past the flood level. */
    public int requiredWorkBits(String postId) {
        int recent = count(perPost, postId);
        int extra = 0;
        for (long level = limits.floodPerPostPerMinute(); recent > level && extra < 32; level *= 2) {
            extra++;
        }
        return Math.min(limits.baseWorkBits() + extra, limits.maxWorkBits());
    }

    /**
     * Counts a submission, or refuses it with the time to wait.
     *
     * @param proven the submission carries a proof of work meeting the current difficulty
     */
    public void admit(String postId, String fingerprint, boolean proven) {
        long minute = currentMinute();
        if (count(perPost, postId) >= limits.maxPerPostPerMinute()) {
            throw new RateLimitedException(untilNextMinute());
        }
        if (!proven && count(perClientAndPost, fingerprint + "\n" + postId) >= limits.unprovenPerClientPerMinute()) {
            throw new RateLimitedException(untilNextMinute());
        }
        increment(perPost, postId, minute);
        if (!proven) {
            increment(perClientAndPost, fingerprint + "\n" + postId, minute);
        }
    }

    private int count(Map<String, Window> windows, String key) {
        Window window = windows.get(key);
        return window == null || window.minute != currentMinute() ? 0 : window.count.get();
    }

    private void increment(Map<String, Window> windows, String key, long minute) {
        if (windows.size() > MAX_TRACKED_KEYS) {
            windows.values().removeIf(w -> w.minute != minute);
        }
        windows.compute(key, (k, window) -> window == null || window.minute != minute ? new Window(minute) : window)
                .count.incrementAndGet();
    }

    private long currentMinute() {
        return clock.millis() / 60_000;
    }

    private Duration untilNextMinute() {
        long millis = 60_000 - clock.millis() % 60_000;
        return Duration.ofSeconds(Math.max(1, (millis + 999) / 1000));
    }

    private static final class Window {
        final long minute;
        final AtomicInteger count = new AtomicInteger();

        Window(long minute) {
            this.minute = minute;
        }
    }
}
