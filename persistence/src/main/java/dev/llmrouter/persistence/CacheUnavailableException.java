package dev.llmrouter.persistence;

/** The cache table could not be read or written; callers treat the cache as a miss, never as an error. */
public class CacheUnavailableException extends RuntimeException {

    public CacheUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
