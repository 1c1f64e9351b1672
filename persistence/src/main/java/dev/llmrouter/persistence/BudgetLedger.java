package dev.llmrouter.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Budgets and their reservations. Every method that changes money runs in a transaction of its own
 * and conditions on the state it expects, so concurrent router instances on one database never
 * overspend and never settle a reservation twice. Failures surface as {@link BudgetStorageException}.
 */
public interface BudgetLedger {

    /** The tenant-wide budget (no key), if the tenant has one; none means unlimited. */
    Optional<BudgetAccount> findTenantBudget(long tenantId);

    /**
     * Starts a new period if the budget still ends at {@code expectedResetsAt} (null: no end was set yet):
     * spent goes back to zero.
     * Returns false when another instance rolled it first.
     */
    boolean rollForward(long budgetId, Instant expectedResetsAt, Instant periodStart, Instant nextResetsAt);

    /** Reserves {@code amountMicros} if it still fits under the limit; empty when it does not. */
    Optional<BudgetHold> reserve(long budgetId, String reference, long amountMicros, Duration ttl);

    /**
     * Closes an OPEN reservation, charges {@code chargeMicros} (at most the amount reserved) and appends
     * the usage row, all in one transaction. Returns false, and charges nothing, when the reservation
     * was no longer open; the usage row is appended either way.
     */
    boolean settle(long reservationId, long chargeMicros, UsageRecord usage);

    /** Returns an OPEN reservation unused and appends the usage row, in one transaction. */
    boolean release(long reservationId, UsageRecord usage);

    /** Charges the full amount of up to {@code limit} OPEN reservations past their expiry; returns how many. */
    int expireOverdue(int limit);
}
