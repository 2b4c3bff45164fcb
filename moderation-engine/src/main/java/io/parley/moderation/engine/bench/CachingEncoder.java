package io.parley.moderation.engine.bench;

import io.parley.moderation.engine.semantic.SentenceEncoder;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers embeddings by text, so the benchmark's folds and retrainings encode each comment once.
 * For the accuracy figures only: the throughput figures use the encoder itself.
 */
final class CachingEncoder implements SentenceEncoder {

    private final SentenceEncoder encoder;
    private final ConcurrentHashMap<String, float[]> cache = new ConcurrentHashMap<>();

    CachingEncoder(SentenceEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public int dimension() {
        return encoder.dimension();
    }

    @Override
    public float[] encode(String text) {
        return cache.computeIfAbsent(text, encoder::encode);
    }
}
