package dev.llmrouter.persistence;

/** Routing rules, SLA policies or routing decisions could not be read or written. */
public class RoutingStorageException extends RuntimeException {

    public RoutingStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
