package io.parley.moderation.engine.semantic;

/** Turns a text into a fixed-length vector in which texts of similar meaning lie close together. */
public interface SentenceEncoder {

    /** Length of every vector {@link #encode} returns. */
    int dimension();

    /** The text's vector; implementations must be thread-safe. */
    float[] encode(String text);
}
