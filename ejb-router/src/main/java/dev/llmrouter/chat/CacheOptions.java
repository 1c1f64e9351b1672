package dev.llmrouter.chat;

import java.io.Serializable;

/**
 * What a request says about caching: from {@code Cache-Control} (no-cache, no-store, max-age) and
 * the body field {@code cache} (no-cache, no-store, ttl, namespace).
 *
 * @param noCache       do not answer from the cache (a fresh answer may still be stored)
 * @param noStore       neither read nor write the cache
 * @param maxAgeSeconds only serve entries at most this old; null for any live entry
 * @param ttlSeconds    how long to keep the answer; null for the tenant's default
 * @param namespace     a partition of the tenant's cache; null for the default one
 */
public record CacheOptions(boolean noCache, boolean noStore, Long maxAgeSeconds, Long ttlSeconds, String namespace)
        implements Serializable {

    public static final CacheOptions DEFAULT = new CacheOptions(false, false, null, null, null);

    public boolean mayRead() {
        return !noCache && !noStore;
    }

    public boolean mayWrite() {
        return !noStore;
    }
}
