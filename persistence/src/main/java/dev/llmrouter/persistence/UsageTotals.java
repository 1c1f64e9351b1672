package dev.llmrouter.persistence;

import java.time.Instant;
import java.util.List;

/** Spend and savings summed from the append-only usage ledger. */
public interface UsageTotals {

    /** The tenant's ledger rows created in [{@code from}, {@code to}), summed by UTC day and tier, in order. */
    List<UsageTotal> byDayAndTier(long tenantId, Instant from, Instant to);
}
