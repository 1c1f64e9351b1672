package dev.llmrouter.idempotency;

/** The key could not be checked or claimed: running the request anyway could charge twice. */
public class IdempotencyUnavailableException extends RuntimeException {

    public IdempotencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
