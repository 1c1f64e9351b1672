package dev.llmrouter.backend;

/** An upstream failure, normalised: whether trying again (here or elsewhere) can help. */
public abstract class BackendException extends RuntimeException {

    private final int upstreamStatus;
    private final boolean timeout;

    protected BackendException(String message, int upstreamStatus, boolean timeout, Throwable cause) {
        super(message, cause);
        this.upstreamStatus = upstreamStatus;
        this.timeout = timeout;
    }

    /** HTTP status the upstream answered, or 0 when it never answered. */
    public int upstreamStatus() {
        return upstreamStatus;
    }

    public boolean isTimeout() {
        return timeout;
    }

    public abstract boolean isRetriable();
}
