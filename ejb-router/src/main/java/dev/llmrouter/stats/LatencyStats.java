package dev.llmrouter.stats;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How fast each backend has been on this instance: exponentially weighted time to first token, time per
 * output token and whole-call time, per backend and prompt category (and over all categories), and the
 * answer length per category. Per instance and in memory by design: it describes this instance's view
 * of its upstreams, and a restart relearns it within a few calls.
 */
@ApplicationScoped
public class LatencyStats {

    /** Weight of the newest observation. */
    static final double ALPHA = 0.2;
    /** Observations of a category before its own figures replace the backend's overall ones. */
    static final int MIN_CATEGORY_SAMPLES = 3;
    private static final String ALL = "*";

    private final Map<String, Figures> figures = new ConcurrentHashMap<>();
    private final Map<String, Ewma> answerTokens = new ConcurrentHashMap<>();

    /** What is known of one backend for one category; {@code samples} 0 means nothing was observed yet. */
    public record Estimate(double ttftMs, double msPerToken, double callMs, int samples) {
    }

    /**
     * One successful call. A stream tells time to first token and generation apart; a plain call only its
     * total, which is split with the time per token already known (or {@code fallbackMsPerToken}).
     */
    public void observe(String backend, String category, long ttftMs, long latencyMs, int completionTokens,
                        boolean streamed, double fallbackMsPerToken) {
        for (String key : new String[] {key(backend, category), key(backend, ALL)}) {
            figures.computeIfAbsent(key, k -> new Figures()).add(ttftMs, latencyMs, completionTokens, streamed,
                    fallbackMsPerToken);
        }
        if (completionTokens > 0) {
            answerTokens.computeIfAbsent(category, k -> new Ewma()).add(completionTokens);
        }
    }

    /** The category's own figures once it has a few, else the backend's overall ones, else empty. */
    public Estimate estimate(String backend, String category) {
        Figures own = figures.get(key(backend, category));
        if (own != null && own.samples() >= MIN_CATEGORY_SAMPLES) {
            return own.estimate();
        }
        Figures overall = figures.get(key(backend, ALL));
        return overall == null ? new Estimate(0, 0, 0, 0) : overall.estimate();
    }

    /** The usual answer length of a category, or {@code fallback} before one was seen. */
    public double expectedAnswerTokens(String category, double fallback) {
        Ewma e = answerTokens.get(category);
        return e == null ? fallback : e.value();
    }

    private static String key(String backend, String category) {
        return backend + "\u0000" + category;
    }

    private static final class Ewma {
        private double value = Double.NaN;
        private int samples;

        synchronized void add(double x) {
            value = samples == 0 ? x : value + ALPHA * (x - value);
            samples++;
        }

        synchronized double value() {
            return value;
        }

        synchronized int samples() {
            return samples;
        }
    }

    private static final class Figures {
        private final Ewma ttft = new Ewma();
        private final Ewma perToken = new Ewma();
        private final Ewma call = new Ewma();

        synchronized void add(long ttftMs, long latencyMs, int tokens, boolean streamed, double fallbackMsPerToken) {
            if (streamed && tokens > 1 && latencyMs > ttftMs) {
                perToken.add((latencyMs - ttftMs) / (double) (tokens - 1));
                ttft.add(ttftMs);
            } else {
                double msPerToken = perToken.samples() > 0 ? perToken.value() : fallbackMsPerToken;
                ttft.add(Math.max(0, Math.min(latencyMs, latencyMs - tokens * msPerToken)));
            }
            call.add(latencyMs);
        }

        synchronized int samples() {
            return call.samples();
        }

        synchronized Estimate estimate() {
            return new Estimate(ttft.value(), perToken.samples() > 0 ? perToken.value() : Double.NaN, call.value(),
                    call.samples());
        }
    }
}
