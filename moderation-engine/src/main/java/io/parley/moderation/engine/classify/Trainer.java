package io.parley.moderation.engine.classify;

import io.parley.moderation.engine.semantic.SentenceEncoder;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.Event;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Trains a {@link ModelSet}: L2-regularised logistic regression (OpenNLP's maximum-entropy trainer with
 * L-BFGS) over {@link Featurizer} features. The L2 penalty keeps probabilities moderate on text unlike
 * the training data, and the spam model is Platt-calibrated on held-out folds of its own training data,
 * which the decision thresholds rely on. Given a {@link SentenceEncoder}, it also fits the second
 * stage's {@link EmbeddingHeads} on the examples' embeddings and out-of-fold first-stage log-odds.
 */
public final class Trainer {

    static final int CALIBRATION_FOLDS = 3;
    static final int MIN_PER_CLASS_TO_CALIBRATE = 100;
    private static final long CALIBRATION_SEED = 7;
    /**
     * The heads' L2 penalty on standardised inputs: strong, because a few thousand examples against 385
     * inputs overfit easily, and the second stage is meant to carry meaning across topics, not memorise them.
     */
    static final double HEAD_L2 = 30;
    /** With fewer examples of either class than this, a head would learn noise: no second stage. */
    static final int MIN_PER_CLASS_FOR_HEADS = 10;

    private final Featurizer featurizer;
    private final double l2;
    private final int iterations;
    private final SentenceEncoder encoder;

    public Trainer(Featurizer featurizer) {
        this(featurizer, 1.0, 150, null);
    }

    /** A trainer that also fits the second stage on the encoder's embeddings. */
    public Trainer(Featurizer featurizer, SentenceEncoder encoder) {
        this(featurizer, 1.0, 150, encoder);
    }

    public Trainer(Featurizer featurizer, double l2, int iterations) {
        this(featurizer, l2, iterations, null);
    }

    private Trainer(Featurizer featurizer, double l2, int iterations, SentenceEncoder encoder) {
        this.featurizer = featurizer;
        this.l2 = l2;
        this.iterations = iterations;
        this.encoder = encoder;
    }

    public ModelSet train(int version, List<LabeledComment> examples) {
        List<String[]> features = new ArrayList<>(examples.size());
        List<String> texts = new ArrayList<>(examples.size());
        for (LabeledComment c : examples) {
            Evidence evidence = featurizer.evidence(c.body(), c.authorName(), c.authorUrl());
            features.add(featurizer.features(evidence));
            texts.add(evidence.text());
        }
        List<Event> spam = new ArrayList<>(examples.size());
        List<Event> offensive = new ArrayList<>(examples.size());
        List<Integer> offensiveRows = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            Label label = examples.get(i).label();
            spam.add(new Event(label == Label.SPAM ? BinaryModel.POSITIVE : BinaryModel.NEGATIVE, features.get(i)));
            if (label != Label.SPAM) {
                offensive.add(new Event(label == Label.OFFENSIVE ? BinaryModel.POSITIVE : BinaryModel.NEGATIVE,
                        features.get(i)));
                offensiveRows.add(i);
            }
        }
        boolean withHeads = encoder != null && positives(spam) >= MIN_PER_CLASS_FOR_HEADS
                && spam.size() - positives(spam) >= MIN_PER_CLASS_FOR_HEADS
                && positives(offensive) >= MIN_PER_CLASS_FOR_HEADS
                && offensive.size() - positives(offensive) >= MIN_PER_CLASS_FOR_HEADS;
        boolean calibrate = Math.min(positives(spam), spam.size() - positives(spam)) >= MIN_PER_CLASS_TO_CALIBRATE;
        double[] spamHeldOut = withHeads || calibrate ? outOfFoldLogOdds(spam) : null;
        BinaryModel spamModel = fit(spam);
        if (calibrate) {
            double[] ab = PlattScaling.fit(spamHeldOut, labels(spam));
            spamModel = spamModel.calibrated(ab[0], ab[1]);
        }
        BinaryModel offensiveModel = fit(offensive);
        if (!withHeads) {
            return new ModelSet(version, spamModel, offensiveModel);
        }
        float[][] embeddings = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            embeddings[i] = encoder.encode(texts.get(i));
        }
        LogisticHead spamHead = head(embeddings, spamHeldOut, labels(spam));
        double[] offensiveHeldOut = outOfFoldLogOdds(offensive);
        float[][] offensiveEmbeddings = new float[offensiveRows.size()][];
        for (int k = 0; k < offensiveRows.size(); k++) {
            offensiveEmbeddings[k] = embeddings[offensiveRows.get(k)];
        }
        LogisticHead offensiveHead = head(offensiveEmbeddings, offensiveHeldOut, labels(offensive));
        return new ModelSet(version, spamModel, offensiveModel, new EmbeddingHeads(spamHead, offensiveHead));
    }

    private static LogisticHead head(float[][] embeddings, double[] heldOutLogOdds, boolean[] positive) {
        double[][] x = new double[embeddings.length][];
        for (int i = 0; i < embeddings.length; i++) {
            x[i] = EmbeddingHeads.input(embeddings[i], heldOutLogOdds[i]);
        }
        return LogisticHead.fit(x, positive, HEAD_L2);
    }

    private static int positives(List<Event> events) {
        int positives = 0;
        for (Event e : events) {
            if (BinaryModel.POSITIVE.equals(e.getOutcome())) {
                positives++;
            }
        }
        return positives;
    }

    private static boolean[] labels(List<Event> events) {
        boolean[] positive = new boolean[events.size()];
        for (int i = 0; i < events.size(); i++) {
            positive[i] = BinaryModel.POSITIVE.equals(events.get(i).getOutcome());
        }
        return positive;
    }

    /**
     * Each example's log-odds under a model trained without it ({@value #CALIBRATION_FOLDS} folds of a
     * seeded shuffle), in the examples' order. The spam model's Platt scaling is fitted to these: with
     * fewer than {@value #MIN_PER_CLASS_TO_CALIBRATE} examples of either class (the starter corpus alone)
     * the out-of-fold models are too weak to say how confident the full one should be, and it is left as
     * trained. The second stage's heads take them as the first stage's opinion on unseen text.
     */
    private double[] outOfFoldLogOdds(List<Event> events) {
        List<Integer> order = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(CALIBRATION_SEED));
        double[] logOdds = new double[events.size()];
        for (int fold = 0; fold < CALIBRATION_FOLDS; fold++) {
            List<Event> rest = new ArrayList<>();
            for (int k = 0; k < order.size(); k++) {
                if (k % CALIBRATION_FOLDS != fold) {
                    rest.add(events.get(order.get(k)));
                }
            }
            BinaryModel partial = fit(rest);
            for (int k = fold; k < order.size(); k += CALIBRATION_FOLDS) {
                int i = order.get(k);
                logOdds[i] = partial.hasBothClasses()
                        ? Math.max(-30, Math.min(30, partial.logOdds(events.get(i).getContext()))) : 0;
            }
        }
        return logOdds;
    }

    private BinaryModel fit(List<Event> events) {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put(QNTrainer.L2COST_PARAM, l2);
        params.put(QNTrainer.L1COST_PARAM, 0.0);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        try {
            return new BinaryModel(TrainerFactory.getEventTrainer(params, null)
                    .train(ObjectStreamUtils.createObjectStream(events)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
