package dev.llmrouter.cache;

import dev.llmrouter.persistence.CachedAnswer;
import java.util.Optional;

/**
 * The outcome of looking a request up: a hit with its entry, or a miss that remembers what
 * admission will need (the partition, and the embedding if one was computed).
 */
public record CacheLookup(String status, PartitionKey key, CachedAnswer entry, float[] embedding, Double similarity,
                          boolean mayStore) {

    static CacheLookup bypass(PartitionKey key, boolean mayStore) {
        return new CacheLookup(CacheStatus.BYPASS, key, null, null, null, mayStore);
    }

    public boolean isHit() {
        return entry != null;
    }

    public Optional<CachedAnswer> hit() {
        return Optional.ofNullable(entry);
    }
}
