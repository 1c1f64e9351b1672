package dev.llmrouter.backend;

/**
 * The router's own live view of one backend: calls it has in flight there, calls waiting for a
 * slot (the local queue length routing can weigh), and its breaker state ({@code CLOSED},
 * {@code OPEN}, {@code HALF_OPEN}...).
 */
public record BackendLoad(String backend, int inFlight, int waiting, int maxConcurrency, int maxWaiting,
                          String breakerState) {

    /** Calls this instance has sent or queued for the backend. */
    public int queueLength() {
        return inFlight + waiting;
    }
}
