package dev.llmrouter.embed;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A fixed pool of DJL predictors over one loaded model. Predictors are not thread-safe, so each call
 * borrows one and a caller waits while all are busy; closing the pool closes them and the model.
 */
public final class PredictorPool<I, O> implements AutoCloseable {

    private final String what;
    private final ZooModel<I, O> model;
    private final BlockingQueue<Predictor<I, O>> idle;

    /**
     * @param what names the model in error messages
     */
    public PredictorPool(String what, ZooModel<I, O> model, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool needs at least one predictor: " + size);
        }
        this.what = what;
        this.model = model;
        this.idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            idle.add(model.newPredictor());
        }
    }

    /**
     * Loads an ONNX graph with DJL's ONNX Runtime engine, offline, and pools {@code size} predictors
     * over it. ONNX Runtime wants a file and reads it fully at load, so the stream is copied to a
     * temporary file that goes right away.
     */
    public static <I, O> PredictorPool<I, O> loadOnnx(String what, InputStream onnx, Class<I> input, Class<O> output,
                                                      Translator<I, O> translator, int size)
            throws IOException, ModelNotFoundException, MalformedModelException {
        stayOffline();
        Path dir = Files.createTempDirectory("llmrouter-onnx");
        Path file = dir.resolve("model.onnx");
        try {
            Files.copy(onnx, file, StandardCopyOption.REPLACE_EXISTING);
            ZooModel<I, O> model = Criteria.builder()
                    .setTypes(input, output)
                    .optModelPath(file)
                    .optEngine("OnnxRuntime")
                    .optTranslator(translator)
                    .build()
                    .loadModel();
            return new PredictorPool<>(what, model, size);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** DJL otherwise probes a cloud metadata address and a telemetry URL when it loads a model. */
    private static void stayOffline() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getenv("OPT_OUT_TRACKING") == null && System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }

    public O predict(I input) {
        Predictor<I, O> predictor;
        try {
            predictor = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a " + what + " predictor", e);
        }
        try {
            return predictor.predict(input);
        } catch (TranslateException e) {
            throw new IllegalStateException(what + " failed", e);
        } finally {
            idle.add(predictor);
        }
    }

    @Override
    public void close() {
        List<Predictor<I, O>> predictors = new ArrayList<>();
        idle.drainTo(predictors);
        predictors.forEach(Predictor::close);
        model.close();
    }
}
