package io.parley.moderation.engine.classify;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The spam and the offensive model, trained together on the same labels and versioned together:
 * the version is what a decision record names, so any decision can be traced to the models behind it.
 *
 * @param heads the second stage's models over sentence embeddings, or null when trained without an encoder
 */
public record ModelSet(int version, BinaryModel spam, BinaryModel offensive, EmbeddingHeads heads) {

    /**
     * 1: the two OpenNLP models. 2: each followed by its Platt calibration (two doubles). 3: then the
     * {@link EmbeddingHeads}. A set without heads is still written as 2, which instances that predate
     * the second stage can read.
     */
    private static final int FORMAT = 3;

    /** A model set without a second stage. */
    public ModelSet(int version, BinaryModel spam, BinaryModel offensive) {
        this(version, spam, offensive, null);
    }

    /** Both models in one blob, for storage in the database. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(heads == null ? 2 : FORMAT);
            byte[] s = spam.toBytes();
            out.writeInt(s.length);
            out.write(s);
            out.writeDouble(spam.scale());
            out.writeDouble(spam.shift());
            byte[] o = offensive.toBytes();
            out.writeInt(o.length);
            out.write(o);
            out.writeDouble(offensive.scale());
            out.writeDouble(offensive.shift());
            if (heads != null) {
                heads.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static ModelSet fromBytes(int version, byte[] blob) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(blob))) {
            int format = in.readInt();
            if (format < 1 || format > FORMAT) {
                throw new IllegalArgumentException("unknown model format " + format);
            }
            BinaryModel spam = read(in, format);
            BinaryModel offensive = read(in, format);
            EmbeddingHeads heads = format == FORMAT ? EmbeddingHeads.read(in) : null;
            return new ModelSet(version, spam, offensive, heads);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable model set", e);
        }
    }

    /** Format 1 models, stored before calibration, keep their raw probabilities. */
    private static BinaryModel read(DataInputStream in, int format) throws IOException {
        BinaryModel model = BinaryModel.fromBytes(in.readNBytes(in.readInt()));
        return format == 1 ? model : model.calibrated(in.readDouble(), in.readDouble());
    }
}
