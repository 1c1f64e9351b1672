package dev.llmrouter.persistence;

import java.time.Instant;

/**
 * A budget row as read at admission. {@code softLimitMicros} and {@code resetsAt} are null when unset;
 * {@code databaseNow} is the database clock, which every router instance shares.
 */
public record BudgetAccount(long id, long limitMicros, Long softLimitMicros, long spentMicros, long reservedMicros,
                            String period, Instant periodStart, Instant resetsAt, Instant databaseNow) {
}
