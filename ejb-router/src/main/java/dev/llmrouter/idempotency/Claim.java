package dev.llmrouter.idempotency;

/** What an Idempotency-Key means for the request that presents it. */
public record Claim(Kind kind, StoredResponse response) {

    public enum Kind {
        /** The key is this request's: run it, then complete or release the key. */
        FIRST,
        /** A request with the same key and body already completed: answer with its response. */
        REPLAY,
        /** A request with the same key is still running (or its instance died and its lease has not run out). */
        IN_PROGRESS,
        /** The key was used for a different request body. */
        MISMATCH
    }

    public static Claim of(Kind kind) {
        return new Claim(kind, null);
    }
}
