package dev.llmrouter.persistence;

import java.time.Instant;
import java.util.Optional;

/**
 * Administration of tenant-wide budgets (the rows {@link BudgetLedger} charges). Amounts are integer
 * micro-USD; spent and reserved amounts are never written here.
 */
public interface TenantBudgets {

    Optional<BudgetAccount> find(long tenantId);

    /** The database clock, which anchors new periods the same way on every router instance. */
    Instant databaseNow();

    /**
     * Creates the tenant's budget, or changes its limits; {@code periodStart} and {@code resetsAt} are
     * written only when the row is new or its period changes, so an edit does not restart the period.
     */
    BudgetAccount put(long tenantId, long limitMicros, Long softLimitMicros, String period, Instant periodStart,
                      Instant resetsAt);

    /** Removes the tenant's budget (the tenant becomes unlimited); false when it had none. */
    boolean delete(long tenantId);
}
