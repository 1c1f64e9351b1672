package dev.llmrouter.backend;

/** 429, 5xx, timeouts, resets, malformed answers: another attempt or another backend may succeed. */
public class RetriableBackendException extends BackendException {

    public RetriableBackendException(String message, int upstreamStatus, boolean timeout, Throwable cause) {
        super(message, upstreamStatus, timeout, cause);
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}
