package dev.llmrouter.backend;

/**
 * The router itself refused the call without reaching the upstream: the backend's breaker is open
 * or its bulkhead and wait queue are full. Retriable elsewhere, so the next candidate is tried at once.
 */
public class BackendUnavailableException extends RetriableBackendException {

    public static final String CIRCUIT_OPEN = "circuit_open";
    public static final String BULKHEAD_FULL = "bulkhead_full";

    private final String code;

    public BackendUnavailableException(String message, String code) {
        super(message, 0, false, null);
        this.code = code;
    }

    /** Why the call was refused; ends up as the ledger row's error code. */
    public String code() {
        return code;
    }
}
