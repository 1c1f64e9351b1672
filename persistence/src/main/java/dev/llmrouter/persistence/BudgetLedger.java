package dev.llmrouter.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Budgets and their reservations. Every method that changes money runs in a transaction of its own
 * and conditions on the state it expects, so concurrent router instances on one database never
 * overspend and never settle a reservation twice. Failures surface as {@link BudgetStorageException}.
 */
public interface BudgetLedger {

    /**
     * The tenant-wide budget and the budget of {@code apiKeyId} (null: the caller used no key), with the
     * tenant's free-tier policy. No budget means unlimited.
     */
    CallerBudgets findBudgets(long tenantId, Long apiKeyId);

    /**
     * Starts a new period if the budget still ends at {@code expectedResetsAt} (null: no end was set yet):
     * spent goes back to zero.
     * Returns false when another instance rolled it first.
     */
    boolean rollForward(long budgetId, Instant expectedResetsAt, Instant periodStart, Instant nextResetsAt);

    /**
     * Reserves {@code amountMicros} on every budget in {@code budgetIds} (one or two) if it fits under each
     * limit, in one transaction: all of them hold it, or none does.
     */
    BudgetReservation reserve(List<Long> budgetIds, PendingCall call, long amountMicros, Duration ttl);

    /**
     * Closes an OPEN reservation, charges {@code chargeMicros} (at most the amount reserved) to each of its
     * budgets and appends the usage row, all in one transaction. Returns false, and charges nothing, when
     * the reservation was no longer open (the sweeper charged it and booked its own row): the usage row is
     * appended either way, then at no cost, so that the ledger still adds up to what was spent.
     */
    boolean settle(long reservationId, long chargeMicros, UsageRecord usage);

    /** Returns an OPEN reservation unused and appends the usage row, in one transaction. */
    boolean release(long reservationId, UsageRecord usage);

    /**
     * Charges the full amount of up to {@code limit} OPEN reservations past their expiry, each with a usage
     * row of outcome EXPIRED; returns how many.
     */
    int expireOverdue(int limit);
}
