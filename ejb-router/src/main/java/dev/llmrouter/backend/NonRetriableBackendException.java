package dev.llmrouter.backend;

/** 400, 401, 403, 404: the same call will fail the same way. */
public class NonRetriableBackendException extends BackendException {

    public NonRetriableBackendException(String message, int upstreamStatus, Throwable cause) {
        super(message, upstreamStatus, false, cause);
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}
