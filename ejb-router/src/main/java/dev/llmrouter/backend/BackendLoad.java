package dev.llmrouter.backend;

/**
 * The router's own live view of one backend: calls it has in flight there, calls waiting for a
 * slot (the local queue length routing can weigh), its breaker state ({@code CLOSED},
 * {@code OPEN}, {@code HALF_OPEN}...) and whether its model is loaded on the server.
 */
public record BackendLoad(String backend, int inFlight, int waiting, int maxConcurrency, int maxWaiting,
                          String breakerState, Residency residency) {

    public BackendLoad {
        residency = residency == null ? Residency.UNKNOWN : residency;
    }

    /** For backends without a notion of loaded models. */
    public BackendLoad(String backend, int inFlight, int waiting, int maxConcurrency, int maxWaiting,
                       String breakerState) {
        this(backend, inFlight, waiting, maxConcurrency, maxWaiting, breakerState, Residency.NOT_APPLICABLE);
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
