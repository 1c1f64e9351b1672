package dev.llmrouter.backend;

import java.time.Duration;
import java.util.Optional;

/** 429, 5xx, timeouts, resets, malformed answers: another attempt or another backend may succeed. */
public class RetriableBackendException extends BackendException {

    private final Duration retryAfter;

    public RetriableBackendException(String message, int upstreamStatus, boolean timeout, Throwable cause) {
        this(message, upstreamStatus, timeout, null, cause);
    }

    /** With the wait the upstream asked for (a 429's or 503's {@code Retry-After}), or null when it did not. */
    public RetriableBackendException(String message, int upstreamStatus, boolean timeout, Duration retryAfter,
                                     Throwable cause) {
        super(message, upstreamStatus, timeout, cause);
        this.retryAfter = retryAfter == null || retryAfter.isNegative() ? null : retryAfter;
    }

    /** How long the upstream asked callers to wait before trying again. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}
