package io.parley.moderation.engine.classify;

import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A two-class OpenNLP maximum-entropy (logistic regression) model: the probability of the positive class. */
public final class BinaryModel {

    static final String POSITIVE = "1";
    static final String NEGATIVE = "0";

    private final AbstractModel model;
    private final int positiveIndex;

    BinaryModel(MaxentModel model) {
        this.model = (AbstractModel) model;
        this.positiveIndex = model.getIndex(POSITIVE);
    }

    /** Probability of the positive class; 0.5 when the model never saw a positive example. */
    public double probability(String[] features) {
        if (positiveIndex < 0) {
            return 0.0;
        }
        return model.eval(features)[positiveIndex];
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
