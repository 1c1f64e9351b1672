package dev.llmrouter.persistence;

/** The labelled routing history could not be read or written. */
public class RoutingHistoryUnavailableException extends RuntimeException {

    public RoutingHistoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
