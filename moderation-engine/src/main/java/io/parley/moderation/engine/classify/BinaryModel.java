package io.parley.moderation.engine.classify;

import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** A two-class OpenNLP maximum-entropy (logistic regression) model: the probability of the positive class. */
public final class BinaryModel {

    static final String POSITIVE = "1";
    static final String NEGATIVE = "0";

    private final AbstractModel model;
    private final int positiveIndex;
    private final int negativeIndex;
    /**
     * Per feature hash, positive minus negative parameter: the model's log-odds contribution. Built on
     * first use: the engine scores with {@link PairedModels}' table, and a table of its own per model as
     * well would hold each feature's weight twice.
     */
    private volatile FeatureWeights weights;
    /** Platt calibration of the log-odds, {@code a * z + b}; 1 and 0 for a model without one. */
    private final double scale;
    private final double shift;

    BinaryModel(MaxentModel model) {
        this((AbstractModel) model, 1, 0);
    }

    private BinaryModel(AbstractModel model, double scale, double shift) {
        this.model = model;
        this.positiveIndex = model.getIndex(POSITIVE);
        this.negativeIndex = model.getIndex(NEGATIVE);
        this.scale = scale;
        this.shift = shift;
    }

    /** The same model with its log-odds mapped through {@code a * z + b} (see {@link PlattScaling}). */
    BinaryModel calibrated(double a, double b) {
        return new BinaryModel(model, a, b);
    }

    double scale() {
        return scale;
    }

    double shift() {
        return shift;
    }

    /** A feature's hash and its log-odds contribution. */
    interface WeightConsumer {
        void accept(long featureHash, double logOdds);
    }

    /** Every feature the model knows, with its log-odds contribution. */
    @SuppressWarnings("unchecked")
    void forEachWeight(WeightConsumer each) {
        Map<String, Context> predicates = (Map<String, Context>) model.getDataStructures()[1];
        for (Map.Entry<String, Context> p : predicates.entrySet()) {
            int[] outcomes = p.getValue().getOutcomes();
            double[] parameters = p.getValue().getParameters();
            double logOdds = 0;
            for (int i = 0; i < outcomes.length; i++) {
                if (outcomes[i] == positiveIndex) {
                    logOdds += parameters[i];
                } else if (outcomes[i] == negativeIndex) {
                    logOdds -= parameters[i];
                }
            }
            each.accept(FeatureHash.of(p.getKey()), logOdds);
        }
    }

    @SuppressWarnings("unchecked")
    int featureCount() {
        return ((Map<String, Context>) model.getDataStructures()[1]).size();
    }

    private FeatureWeights weights() {
        FeatureWeights built = weights;
        if (built == null) {
            built = new FeatureWeights(featureCount(), 1);
            FeatureWeights table = built;
            forEachWeight((hash, logOdds) -> table.put(hash, 0, logOdds));
            weights = built;
        }
        return built;
    }

    /** Calibrated probability of the positive class; 0 when the model never saw a positive example. */
    public double probability(String[] features) {
        if (positiveIndex < 0) {
            return 0.0;
        }
        if (negativeIndex < 0) {
            return 1.0;
        }
        double[] p = model.eval(features);
        return calibrate(Math.log(p[positiveIndex] / p[negativeIndex]));
    }

    /** The model's own (uncalibrated) log-odds, what calibration is fitted to. */
    double logOdds(String[] features) {
        double[] p = model.eval(features);
        return Math.log(p[positiveIndex] / p[negativeIndex]);
    }

    /**
     * The same probability as {@link #probability(String[])} for the same features, from their hashes
     * ({@link Featurizer#featureSet}): the scoring path, with no feature strings built.
     */
    public double probability(FeatureSet features) {
        return probabilityOfLogOdds(logOdds(features));
    }

    /** The calibrated probability for the model's own log-odds ({@link #logOdds(FeatureSet)}). */
    double probabilityOfLogOdds(double logOdds) {
        if (positiveIndex < 0) {
            return 0.0;
        }
        if (negativeIndex < 0) {
            return 1.0;
        }
        return calibrate(logOdds);
    }

    /**
     * The model's own (uncalibrated) log-odds from feature hashes: what the second stage takes as input.
     * Only for a model that has seen both classes.
     */
    public double logOdds(FeatureSet features) {
        double[] sum = new double[1];
        weights().sums(features, sum);
        return sum[0];
    }

    /** Whether the model saw examples of both classes, so its log-odds mean something. */
    boolean hasBothClasses() {
        return positiveIndex >= 0 && negativeIndex >= 0;
    }

    private double calibrate(double logOdds) {
        return 1 / (1 + Math.exp(-(scale * logOdds + shift)));
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            new GenericModelWriter(model, out).persist();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static BinaryModel fromBytes(byte[] bytes) {
        try {
            return new BinaryModel(new GenericModelReader(new BinaryFileDataReader(new ByteArrayInputStream(bytes)))
                    .getModel());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable model", e);
        }
    }
}
