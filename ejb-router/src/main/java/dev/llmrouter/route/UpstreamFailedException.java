package dev.llmrouter.route;

import jakarta.ejb.ApplicationException;

/** Every candidate backend failed before an answer started. */
@ApplicationException
public class UpstreamFailedException extends RouterException {

    private final boolean timeout;

    public UpstreamFailedException(String message, boolean timeout) {
        super(timeout ? "upstream_timeout" : "upstream_error", message);
        this.timeout = timeout;
    }

    public boolean isTimeout() {
        return timeout;
    }
}
