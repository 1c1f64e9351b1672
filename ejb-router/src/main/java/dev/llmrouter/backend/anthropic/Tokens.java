package dev.llmrouter.backend.anthropic;

/** Keeps a nonsensical token count from reaching the ledger. */
final class Tokens {

    /** Token counts above this are not believable for one call and are treated as missing. */
    private static final int MAX_BELIEVABLE = 10_000_000;

    private Tokens() {
    }

    static int believable(Integer count) {
        return count == null || count < 0 || count > MAX_BELIEVABLE ? 0 : count;
    }
}
