package io.parley.moderation.engine.classify;

/**
 * Scores a comment with both models of a set in one pass over its features: their weights share one
 * table, so each feature is looked up once instead of once per model. The same values as asking each
 * model on its own ({@link BinaryModel#probability(FeatureSet)}, {@link BinaryModel#logOdds(FeatureSet)}).
 */
public final class PairedModels {

    private final BinaryModel spam;
    private final BinaryModel offensive;
    private final FeatureWeights weights;

    public PairedModels(ModelSet models) {
        this.spam = models.spam();
        this.offensive = models.offensive();
        // Both are trained on the same comments, so they usually know the same features.
        this.weights = new FeatureWeights(Math.max(spam.featureCount(), offensive.featureCount()), 2);
        spam.forEachWeight((hash, logOdds) -> weights.put(hash, 0, logOdds));
        offensive.forEachWeight((hash, logOdds) -> weights.put(hash, 1, logOdds));
    }

    /** Each model's calibrated probability and its own log-odds (what the second stage takes). */
    public record Scores(double spam, double offensive, double spamLogOdds, double offensiveLogOdds) {
    }

    public Scores score(FeatureSet features) {
        double[] logOdds = new double[2];
        weights.sums(features, logOdds);
        return new Scores(spam.probabilityOfLogOdds(logOdds[0]), offensive.probabilityOfLogOdds(logOdds[1]),
                logOdds[0], logOdds[1]);
    }
}
