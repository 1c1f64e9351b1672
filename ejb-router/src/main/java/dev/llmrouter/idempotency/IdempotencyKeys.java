package dev.llmrouter.idempotency;

import dev.llmrouter.route.Caller;

/** Idempotency keys of the calling tenant around one request. */
public interface IdempotencyKeys {

    /** The longest key accepted, as most APIs that take the header. */
    int MAX_KEY_LENGTH = 255;

    /**
     * Claims {@code key} for the request with {@code body} and {@code requestId}, or says why not.
     *
     * @throws IdempotencyUnavailableException when the key could not be checked
     */
    Claim claim(Caller caller, String key, byte[] body, String requestId);

    /** Stores the answer of the request that claimed the key; a failure is logged, the answer still goes out. */
    void complete(Caller caller, String key, String requestId, StoredResponse response);

    /** The request failed: gives the key up so that a retry runs anew. */
    void release(Caller caller, String key, String requestId);

    /** A key is 1 to 255 printable ASCII characters without spaces. */
    static boolean wellFormed(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        return key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
