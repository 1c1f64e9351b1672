package dev.llmrouter.persistence;

import java.time.Instant;

/**
 * A tenant-wide budget as it stands: amounts in micro-USD, {@code softLimitMicros} and
 * {@code resetsAt} null when unset, {@code openReservations} the calls in flight under it, and
 * {@code databaseNow} the clock the period is measured against.
 */
public record BudgetBurn(long budgetId, long tenantId, String tenantName, long limitMicros, Long softLimitMicros,
                         long spentMicros, long reservedMicros, int openReservations, String period,
                         Instant periodStart, Instant resetsAt, Instant databaseNow) {
}
