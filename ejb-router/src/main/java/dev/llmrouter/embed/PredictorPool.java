package dev.llmrouter.embed;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
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
