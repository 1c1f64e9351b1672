package dev.llmrouter.persistence;

import java.time.LocalDate;

/**
 * The usage ledger summed over one UTC day and one tier. {@code answered} counts OK rows; {@code failed}
 * upstream errors and client aborts; {@code rejected} calls refused before any model was called;
 * {@code expired} reservations charged by the sweeper. Tokens and money are summed over every row.
 * {@code savedMicros} sums, row by row, what the cheapest cloud model would have cost above the real cost.
 */
public record UsageTotal(LocalDate day, String tier, long answered, long failed, long rejected, long expired,
                         long promptTokens, long completionTokens, long costMicros, long shadowCostMicros,
                         long savedMicros) {
}
