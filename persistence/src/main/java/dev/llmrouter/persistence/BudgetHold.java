package dev.llmrouter.persistence;

import java.time.Instant;

/**
 * An OPEN reservation just taken, with the budget as it stood right after. {@code softLimitCrossed} is
 * true for exactly one reservation per budget period: the one that crossed the soft limit first.
 */
public record BudgetHold(long reservationId, long budgetId, long amountMicros, long limitMicros, long spentMicros,
                         long reservedMicros, boolean softLimitCrossed, Instant resetsAt) {
}
