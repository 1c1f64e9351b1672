package dev.llmrouter.persistence;

import java.time.Instant;

/** One usage ledger row with its tenant's name, as an operator reads it. */
public record LedgerEntry(long id, Instant at, String requestId, String tenantName, String tier, String backend,
                          String model, String outcome, String cacheStatus, int promptTokens, int completionTokens,
                          long costMicros, long savedMicros, int latencyMillis, String reason) {
}
