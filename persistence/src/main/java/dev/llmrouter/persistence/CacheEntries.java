package dev.llmrouter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The semantic cache's rows. Every read names the tenant and the partition as exact SQL predicates;
 * expired rows are never returned.
 */
public interface CacheEntries {

    /** The newest live entry with exactly this normalised question, created no earlier than {@code notBefore}. */
    Optional<CachedAnswer> findExact(long tenantId, String partitionHash, String promptHash, Instant notBefore);

    /** Up to {@code limit} live entries nearest to the vector, most similar first. */
    List<CachedAnswer> findNearest(long tenantId, String partitionHash, float[] embedding, int limit, Instant notBefore);

    long insert(NewCacheEntry entry);

    void recordHit(long id);

    /** Deletes up to {@code limit} expired rows; returns how many went. */
    int deleteExpired(int limit);

    List<CachedAnswer> list(long tenantId, int offset, int limit);

    /** The tenant's live entries nearest to the vector, across all its partitions. */
    List<CachedAnswer> search(long tenantId, float[] embedding, int limit);

    boolean delete(long tenantId, long id);

    int purge(long tenantId);
}
