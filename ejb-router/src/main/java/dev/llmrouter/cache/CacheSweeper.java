package dev.llmrouter.cache;

import dev.llmrouter.persistence.CacheEntries;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Removes expired entries in the background. Lookups already ignore them; this only keeps the
 * table and its index small. Batches keep each delete short.
 */
@Singleton
public class CacheSweeper {

    private static final Logger LOG = Logger.getLogger(CacheSweeper.class.getName());
    private static final int BATCH = 5_000;
    private static final int MAX_BATCHES = 20;

    @Inject
    CacheEntries entries;

    @Schedule(hour = "*", minute = "*", second = "17", persistent = false)
    void sweep() {
        int total = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int deleted = entries.deleteExpired(BATCH);
            total += deleted;
            if (deleted < BATCH) {
                break;
            }
        }
        if (total > 0) {
            int removed = total;
            LOG.fine(() -> "Removed " + removed + " expired cache entries");
        }
    }
}
