package dev.llmrouter.budget;

import dev.llmrouter.backend.BackendDefinition;
import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.persistence.UsageRecord;
import dev.llmrouter.route.Caller;

/** Guards a tenant's budget, and its key's own budget when it has one, around each backend call. */
public interface Budgets {

    /**
     * Reserves the worst-case cost of calling {@code backend} with {@code request} on the tenant's budget and
     * on the caller's key budget at once, or admits without a reservation when the caller has no budget.
     * A free call is admitted unless the money is gone and the tenant's policy keeps free tiers closed then.
     *
     * @throws BudgetExceededException when the worst case does not fit in what is left of either budget
     * @throws BudgetUnavailableException when the budget could not be checked: nothing may be called
     */
    Admission admit(Caller caller, String requestId, BackendDefinition backend, ChatRequest request);

    /**
     * Admits an answer that costs nothing and calls no backend (a cache hit): always, unless the money is
     * gone and the tenant's policy keeps free tiers closed then.
     *
     * @throws BudgetExceededException when the policy refuses
     * @throws BudgetUnavailableException when the budget could not be checked
     */
    void admitFree(Caller caller, ChatRequest request);

    /**
     * How the caller's budgets stand, without changing them: what is left and how fast they burn. A budget
     * that cannot be read gives {@link BudgetOutlook#UNLIMITED} with a note; admission still fails closed.
     */
    BudgetOutlook outlook(Caller caller);

    /**
     * Records the call's usage row, and in the same transaction settles the reservation for the row's
     * cost (releases it when the row costs nothing). The row's cost must already be capped with
     * {@link Admission#charge(long)}.
     */
    void close(Admission admission, UsageRecord usage);
}
