package dev.llmrouter.cache;

/** The values of {@code x-router-cache-status}. */
public final class CacheStatus {

    public static final String HIT = "HIT";
    public static final String SEMANTIC_HIT = "SEMANTIC_HIT";
    public static final String MISS = "MISS";
    public static final String BYPASS = "BYPASS";

    private CacheStatus() {
    }
}
