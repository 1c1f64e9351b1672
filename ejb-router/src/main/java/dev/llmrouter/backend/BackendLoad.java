package dev.llmrouter.backend;

/**
 * The router's own live view of one backend: calls it has in flight there, calls waiting for a
 * slot (the local queue length routing can weigh), its breaker state ({@code CLOSED},
 * {@code OPEN}, {@code HALF_OPEN}...), whether its model is loaded on the server, and how long
 * every call in flight has already run ({@code runningAtLeastMs}: the age of the youngest, 0 with none).
 */
public record BackendLoad(String backend, int inFlight, int waiting, int maxConcurrency, int maxWaiting,
                          String breakerState, Residency residency, long runningAtLeastMs) {

    public BackendLoad {
        residency = residency == null ? Residency.UNKNOWN : residency;
        if (runningAtLeastMs < 0) {
            throw new IllegalArgumentException("runningAtLeastMs must not be negative");
        }
    }

    /** For backends without a notion of loaded models, nothing in flight for long. */
    public BackendLoad(String backend, int inFlight, int waiting, int maxConcurrency, int maxWaiting,
                       String breakerState) {
        this(backend, inFlight, waiting, maxConcurrency, maxWaiting, breakerState, Residency.NOT_APPLICABLE, 0);
    }

    /**
     * The wait for a slot of a call sent now, when a call takes {@code serviceMs}: none while a slot
     * is free, else the calls ahead of it (those waiting, then itself) share the slots. When the calls
     * in flight have all run longer than {@code serviceMs} already, that is the better measure of what a
     * call takes now (a stalled or suddenly slow upstream), so the longer of the two counts.
     */
    public long predictedWaitMs(double serviceMs) {
        if (waiting == 0 && inFlight < maxConcurrency) {
            return 0;
        }
        double perCall = Math.max(serviceMs, runningAtLeastMs);
        return Math.round((waiting + 1) * perCall / Math.max(1, maxConcurrency));
    }

    /** Calls this instance has sent or queued for the backend. */
    public int queueLength() {
        return inFlight + waiting;
    }

    /**
     * True when the server said it does not hold the model, so the next call would pay a cold load:
     * the routing policy's cue for a penalty. Unknown residency is not a cold load (no penalty on
     * a guess), and a call already in flight means the model is loading or loaded.
     */
    public boolean coldLoadExpected() {
        return residency == Residency.NOT_LOADED && inFlight == 0;
    }

    /** No slot free and no room left to wait: a call now would be refused. */
    public boolean full() {
        return queueLength() >= maxConcurrency + maxWaiting;
    }
}
