package io.parley.moderation.engine.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The second stage's models: for spam and for offensive, a {@link LogisticHead} over a comment's
 * sentence embedding and the first stage's log-odds for the same label. Trained on out-of-fold
 * first-stage log-odds, so each head learns how far to trust the n-gram model rather than copy it.
 */
public record EmbeddingHeads(LogisticHead spam, LogisticHead offensive) {

    /** First-stage log-odds beyond this say nothing more; bounding them keeps a few outliers from ruling the fit. */
    static final double FIRST_STAGE_BOUND = 12;

    /** The head's input: the embedding followed by the first stage's log-odds, bounded. */
    public static double[] input(float[] embedding, double firstStageLogOdds) {
        double[] x = new double[embedding.length + 1];
        for (int j = 0; j < embedding.length; j++) {
            x[j] = embedding[j];
        }
        x[embedding.length] = Math.max(-FIRST_STAGE_BOUND, Math.min(FIRST_STAGE_BOUND, firstStageLogOdds));
        return x;
    }

    void write(DataOutputStream out) throws IOException {
        spam.write(out);
        offensive.write(out);
    }

    static EmbeddingHeads read(DataInputStream in) throws IOException {
        return new EmbeddingHeads(LogisticHead.read(in), LogisticHead.read(in));
    }
}
