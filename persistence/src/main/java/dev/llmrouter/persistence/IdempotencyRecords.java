package dev.llmrouter.persistence;

import java.time.Duration;
import java.util.Optional;

/**
 * Idempotency keys per tenant. Each method is one statement in a transaction of its own; the primary key
 * (tenant, key) decides which of two concurrent requests goes first.
 */
public interface IdempotencyRecords {

    /**
     * Takes the key for {@code requestId}: when it is new, expired, or held by a request with the same hash
     * whose lease ran out (its instance died). Returns false when someone else holds or completed it.
     */
    boolean claim(long tenantId, String key, String requestHash, String requestId, Duration lease, Duration ttl);

    /** The live (unexpired) record of the key, if any. */
    Optional<IdempotencyRecord> find(long tenantId, String key);

    /** Stores the response of the request that holds the key; false when it no longer holds it. */
    boolean complete(long tenantId, String key, String requestId, int status, String contentType, String headersJson,
                     String body);

    /** Gives the key up, so that a retry runs anew; false when {@code requestId} no longer held it. */
    boolean release(long tenantId, String key, String requestId);

    /** Deletes up to {@code limit} expired keys; returns how many. */
    int deleteExpired(int limit);
}
