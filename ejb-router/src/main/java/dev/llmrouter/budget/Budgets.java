package dev.llmrouter.budget;

import dev.llmrouter.backend.BackendDefinition;
import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.persistence.UsageRecord;

/** Guards a tenant's budget around each backend call. */
public interface Budgets {

    /**
     * Reserves the worst-case cost of calling {@code backend} with {@code request}, or admits without a
     * reservation when the call is free or the tenant has no budget.
     *
     * @throws BudgetExceededException when the worst case does not fit in what is left
     * @throws BudgetUnavailableException when the budget could not be checked: nothing may be called
     */
    Admission admit(long tenantId, String requestId, BackendDefinition backend, ChatRequest request);

    /**
     * Records the call's usage row, and in the same transaction settles the reservation for the row's
     * cost (releases it when the row costs nothing). The row's cost must already be capped with
     * {@link Admission#charge(long)}.
     */
    void close(Admission admission, UsageRecord usage);
}
