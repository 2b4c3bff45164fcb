package io.parley.moderation.engine.semantic;

import io.parley.moderation.engine.text.Text;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in sentence encoder for tests of when the engine encodes: words hashed into a small
 * normalised vector (so heads can be trained on it), and a count of the calls.
 */
public final class WordHashEncoder implements SentenceEncoder {

    public static final int DIMENSION = 32;
    public final AtomicInteger calls = new AtomicInteger();

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] encode(String text) {
        calls.incrementAndGet();
        float[] v = new float[DIMENSION];
        for (String w : Text.words(Text.normalize(text))) {
            v[Math.floorMod(w.hashCode(), DIMENSION)] += 1;
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.max(Math.sqrt(norm), 1e-9);
        }
        return v;
    }
}
