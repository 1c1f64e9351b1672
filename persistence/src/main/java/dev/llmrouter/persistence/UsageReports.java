package dev.llmrouter.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Read-only aggregates over the usage ledger and the budgets, for operators. Every method takes an
 * optional tenant ({@code null}: all tenants) and never changes anything.
 */
public interface UsageReports {

    /** Ledger rows since {@code since}, grouped into buckets of {@code width} and by tier; only non-empty buckets. */
    List<UsageBucket> buckets(Instant since, Duration width, Long tenantId);

    /** Latency percentiles of the answered requests since {@code since}, per backend ("cache" for cache hits). */
    List<BackendLatency> latencies(Instant since, Long tenantId);

    /** Every tenant-wide budget with its tenant's name, by tenant name. */
    List<BudgetBurn> budgetBurn(Long tenantId);

    /** The newest ledger rows, newest first. */
    List<LedgerEntry> recent(int offset, int limit, Long tenantId);

    /** How many ledger rows {@link #recent} can page through. */
    long countRecent(Long tenantId);
}
