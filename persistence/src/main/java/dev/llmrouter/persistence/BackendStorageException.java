package dev.llmrouter.persistence;

/** The backends table could not be read or written. */
public class BackendStorageException extends RuntimeException {

    public BackendStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
