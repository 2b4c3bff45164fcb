package io.parley.moderation.engine.classify;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The spam and the offensive model, trained together on the same labels and versioned together:
 * the version is what a decision record names, so any decision can be traced to the models behind it.
 */
public record ModelSet(int version, BinaryModel spam, BinaryModel offensive) {

    private static final int FORMAT = 1;

    /** Both models in one blob, for storage in the database. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            byte[] s = spam.toBytes();
            out.writeInt(s.length);
            out.write(s);
            byte[] o = offensive.toBytes();
            out.writeInt(o.length);
            out.write(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static ModelSet fromBytes(int version, byte[] blob) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(blob))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown model format " + format);
            }
            byte[] s = in.readNBytes(in.readInt());
            byte[] o = in.readNBytes(in.readInt());
            return new ModelSet(version, BinaryModel.fromBytes(s), BinaryModel.fromBytes(o));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable model set", e);
        }
    }
}
