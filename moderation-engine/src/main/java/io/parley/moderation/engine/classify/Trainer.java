package io.parley.moderation.engine.classify;

import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.Event;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a {@link ModelSet}: L2-regularised logistic regression (OpenNLP's maximum-entropy trainer with
 * L-BFGS) over {@link Featurizer} features. The L2 penalty keeps probabilities moderate on text unlike
 * the training data, which the decision thresholds rely on.
 */
public final class Trainer {

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
        return new ModelSet(version, fit(spam), fit(offensive));
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
