package dev.llmrouter.persistence;

import java.util.List;

/**
 * The outcome of reserving one amount on every budget of a caller at once: either one reservation
 * holding it on all of them ({@code holds}, one per budget), or the budget that could not fit it.
 */
public record BudgetReservation(long reservationId, List<BudgetHold> holds, long refusedBudgetId) {

    public static BudgetReservation refusedBy(long budgetId) {
        return new BudgetReservation(0, List.of(), budgetId);
    }

    public boolean granted() {
        return reservationId > 0;
    }
}
