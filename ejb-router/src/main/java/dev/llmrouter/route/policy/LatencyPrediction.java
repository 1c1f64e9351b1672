package dev.llmrouter.route.policy;

import java.io.Serializable;

/**
 * Where a candidate's time would go, in milliseconds: waiting for a slot in its local queue, loading a
 * model that is not resident, the upstream's time to first token, and generating the expected output.
 */
public record LatencyPrediction(long queueMs, long coldLoadMs, long firstTokenMs, long generationMs)
        implements Serializable {

    public LatencyPrediction {
        if (queueMs < 0 || coldLoadMs < 0 || firstTokenMs < 0 || generationMs < 0) {
            throw new IllegalArgumentException("latency parts cannot be negative");
        }
    }

    /** Until the first token reaches the client. */
    public long firstTokenTotalMs() {
        return queueMs + coldLoadMs + firstTokenMs;
    }

    /** Until the whole answer is there. */
    public long totalMs() {
        return firstTokenTotalMs() + generationMs;
    }
}
