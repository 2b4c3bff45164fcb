package io.parley.moderation.engine.classify;

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
 * which the decision thresholds rely on.
 */
public final class Trainer {

    static final int CALIBRATION_FOLDS = 3;
    static final int MIN_PER_CLASS_TO_CALIBRATE = 100;
    private static final long CALIBRATION_SEED = 7;

    private final Featurizer featurizer;
    private final double l2;
    private final int iterations;

    public Trainer(Featurizer featurizer) {
        this(featurizer, 1.0, 150);
    }

    public Trainer(Featurizer featurizer, double l2, int iterations) {
        this.featurizer = featurizer;
        this.l2 = l2;
        this.iterations = iterations;
    }

    public ModelSet train(int version, List<LabeledComment> examples) {
        List<String[]> features = new ArrayList<>(examples.size());
        for (LabeledComment c : examples) {
            features.add(featurizer.features(featurizer.evidence(c.body(), c.authorName(), c.authorUrl())));
        }
        List<Event> spam = new ArrayList<>(examples.size());
        List<Event> offensive = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            Label label = examples.get(i).label();
            spam.add(new Event(label == Label.SPAM ? BinaryModel.POSITIVE : BinaryModel.NEGATIVE, features.get(i)));
            if (label != Label.SPAM) {
                offensive.add(new Event(label == Label.OFFENSIVE ? BinaryModel.POSITIVE : BinaryModel.NEGATIVE,
                        features.get(i)));
            }
        }
        return new ModelSet(version, calibrated(fit(spam), spam), fit(offensive));
    }

    /**
     * The spam model with Platt scaling fitted on out-of-fold log-odds of the training examples, so the
     * spam thresholds compare calibrated probabilities. With fewer than
     * {@value #MIN_PER_CLASS_TO_CALIBRATE} examples of either class (the starter corpus alone) the
     * out-of-fold models are too weak to say how confident the full one should be: left as trained.
     */
    private BinaryModel calibrated(BinaryModel model, List<Event> events) {
        int positives = 0;
        for (Event e : events) {
            if (BinaryModel.POSITIVE.equals(e.getOutcome())) {
                positives++;
            }
        }
        if (Math.min(positives, events.size() - positives) < MIN_PER_CLASS_TO_CALIBRATE) {
            return model;
        }
        List<Event> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(CALIBRATION_SEED));
        double[] logOdds = new double[shuffled.size()];
        boolean[] positive = new boolean[shuffled.size()];
        for (int fold = 0; fold < CALIBRATION_FOLDS; fold++) {
            List<Event> rest = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                if (i % CALIBRATION_FOLDS != fold) {
                    rest.add(shuffled.get(i));
                }
            }
            BinaryModel partial = fit(rest);
            for (int i = fold; i < shuffled.size(); i += CALIBRATION_FOLDS) {
                Event e = shuffled.get(i);
                logOdds[i] = Math.max(-30, Math.min(30, partial.logOdds(e.getContext())));
                positive[i] = BinaryModel.POSITIVE.equals(e.getOutcome());
            }
        }
        double[] ab = PlattScaling.fit(logOdds, positive);
        return model.calibrated(ab[0], ab[1]);
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
