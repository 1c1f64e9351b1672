package dev.llmrouter.idempotency.internal;

import dev.llmrouter.persistence.IdempotencyRecords;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes expired idempotency keys. Claims already treat them as absent; this only keeps the table small.
 * Batches keep each delete short.
 */
@Singleton
public class IdempotencySweeper {

    private static final Logger LOG = Logger.getLogger(IdempotencySweeper.class.getName());
    private static final int BATCH = 5_000;
    private static final int MAX_BATCHES = 20;

    @Inject
    IdempotencyRecords records;

    @Schedule(hour = "*", minute = "*/5", second = "41", persistent = false)
    void sweep() {
        try {
            int total = 0;
            for (int i = 0; i < MAX_BATCHES; i++) {
                int deleted = records.deleteExpired(BATCH);
                total += deleted;
                if (deleted < BATCH) {
                    break;
                }
            }
            int removed = total;
            LOG.fine(() -> "Removed " + removed + " expired idempotency keys");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Deleting expired idempotency keys failed; the next run tries again", e);
        }
    }
}
