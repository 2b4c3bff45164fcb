package io.parley.publish.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.publish.config.PublishConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * This instance's memory of what readers see: each post's thread version and count, and the
 * serialized pages of each version. Other instances change threads in the shared database, so the
 * cache is trusted only while {@code ThreadChangeListener} hears every committed change: before the
 * first LISTEN and after a lost connection it is bypassed and emptied.
 *
 * <p>A reader that loaded a post from the database may store what it read only if no change to
 * that post was heard since it started ({@link #generation}); otherwise a change committed and heard
 * while it read would be overwritten by the older state it holds. Checking and storing happen under
 * the same lock as invalidation, so a change heard right after the check still removes what was
 * stored. Generations are counted per stripe of posts, so busy threads elsewhere do not keep a
 * thread from being cached.
 */
@ApplicationScoped
public class ThreadCache {

    /** What the thread table holds for a post: 0/0 for a post without published comments. */
    public record ThreadState(long version, int count) {

        public static final ThreadState NONE = new ThreadState(0, 0);
    }

    /** Pages are facts about one version of a thread, so a new version never meets an old page. */
    private record PageKey(String postId, long version, String variant) {
    }

    private static final int STRIPES = 4096;

    private final boolean enabled;
    private final Cache<String, ThreadState> states;
    private final Cache<PageKey, byte[]> pages;
    private final AtomicLongArray generations = new AtomicLongArray(STRIPES);
    private final Object storeLock = new Object();
    private volatile boolean listening;

    private final Counter stateHits;
    private final Counter stateMisses;
    private final Counter pageHits;
    private final Counter pageMisses;
    private final Counter bypassed;

    public ThreadCache(PublishConfig config, MeterRegistry registry) {
        PublishConfig.Cache settings = config.cache();
        this.enabled = settings.enabled();
        this.states = Caffeine.newBuilder().maximumSize(settings.maxPosts()).build();
        this.pages = Caffeine.newBuilder()
                .maximumWeight(settings.maxPageMemory().asLongValue())
                .<PageKey, byte[]>weigher((key, json) -> json.length + key.variant().length() + 64)
                .build();
        this.stateHits = lookups(registry, "thread", "hit");
        this.stateMisses = lookups(registry, "thread", "miss");
        this.pageHits = lookups(registry, "page", "hit");
        this.pageMisses = lookups(registry, "page", "miss");
        this.bypassed = lookups(registry, "any", "bypass");
        Gauge.builder("parley.publish.cache.listening", this, cache -> cache.listening ? 1 : 0)
                .description("1 while the cache hears every committed thread change and is in use, else 0")
                .register(registry);
    }

    private static Counter lookups(MeterRegistry registry, String kind, String result) {
        return Counter.builder("parley.publish.cache.lookups")
                .description("Read-cache lookups: hits, misses, and bypasses while changes cannot be heard")
                .tag("kind", kind).tag("result", result)
                .register(registry);
    }

    /** True when reads may use the cache: it is enabled and every committed change is being heard. */
    public boolean active() {
        return enabled && listening;
    }

    /** To be read before reading the post from the database; passed back when storing what was read. */
    public long generation(String postId) {
        return generations.get(stripe(postId));
    }

    private static int stripe(String postId) {
        return Math.floorMod(postId.hashCode(), STRIPES);
    }

    /** The cached state of a post, or null (a miss, or the cache is not active). */
    public ThreadState state(String postId) {
        if (!active()) {
            bypassed.increment();
            return null;
        }
        ThreadState state = states.getIfPresent(postId);
        (state == null ? stateMisses : stateHits).increment();
        return state;
    }

    public void storeState(String postId, ThreadState state, long seenGeneration) {
        synchronized (storeLock) {
            if (active() && generations.get(stripe(postId)) == seenGeneration) {
                states.put(postId, state);
            }
        }
    }

    /** The cached JSON of one page of one version of a thread, or null. */
    public byte[] page(String postId, long version, String variant) {
        if (!active()) {
            bypassed.increment();
            return null;
        }
        byte[] json = pages.getIfPresent(new PageKey(postId, version, variant));
        (json == null ? pageMisses : pageHits).increment();
        return json;
    }

    public void storePage(String postId, long version, String variant, byte[] json, long seenGeneration) {
        synchronized (storeLock) {
            if (active() && generations.get(stripe(postId)) == seenGeneration) {
                pages.put(new PageKey(postId, version, variant), json);
            }
        }
    }

    /**
     * A committed change to the post's thread was heard. Its pages need no removal: they are keyed by
     * the old version, which no reader learns any more once the state is gone.
     */
    public void changed(String postId) {
        synchronized (storeLock) {
            generations.incrementAndGet(stripe(postId));
            states.invalidate(postId);
        }
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ThreadService.ThreadsChanged committed) {
        committed.postIds().forEach(this::changed);
    }

    /** Every change from now on will be heard: start afresh, as changes may have been missed before. */
    public void listening() {
        synchronized (storeLock) {
            clear();
            listening = true;
        }
    }

    /** Changes can no longer be heard: stop trusting and serving what is cached. */
    public void notListening() {
        synchronized (storeLock) {
            listening = false;
            clear();
        }
    }

    /** Empties the cache; loads under way when it happens may not store what they read. */
    private void clear() {
        for (int i = 0; i < STRIPES; i++) {
            generations.incrementAndGet(i);
        }
        states.invalidateAll();
        pages.invalidateAll();
    }
}
