package dev.llmrouter.budget.internal;

import dev.llmrouter.backend.BackendDefinition;
import dev.llmrouter.budget.Admission;
import dev.llmrouter.budget.BudgetExceededException;
import dev.llmrouter.budget.BudgetPeriod;
import dev.llmrouter.budget.BudgetUnavailableException;
import dev.llmrouter.budget.Budgets;
import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.persistence.BudgetAccount;
import dev.llmrouter.persistence.BudgetHold;
import dev.llmrouter.persistence.BudgetLedger;
import dev.llmrouter.persistence.UsageLedger;
import dev.llmrouter.persistence.UsageRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Admission in three steps, each a conditional statement of its own: read the tenant's budget, roll
 * its period forward if the reset time passed, reserve the worst case. Any database failure refuses
 * the call (fail closed); only the reserve statement decides whether money is left.
 */
@ApplicationScoped
public class DefaultBudgets implements Budgets {

    private static final Logger LOG = Logger.getLogger(DefaultBudgets.class.getName());

    @Inject
    BudgetLedger ledger;

    @Inject
    UsageLedger usage;

    @Inject
    BudgetSettings settings;

    @Override
    public Admission admit(long tenantId, String requestId, BackendDefinition backend, ChatRequest request) {
        int maxOutput = WorstCase.maxOutputTokens(request.maxTokens(), settings.defaultMaxOutputTokens());
        long worstCase = WorstCase.costMicros(backend, request.messages(), maxOutput);
        if (worstCase == 0) {
            return Admission.UNRESERVED;
        }
        Optional<BudgetAccount> account;
        Optional<BudgetHold> hold;
        Instant resetsAt;
        Instant now;
        try {
            account = ledger.findTenantBudget(tenantId);
            if (account.isEmpty()) {
                return Admission.UNRESERVED;
            }
            BudgetAccount budget = account.get();
            now = budget.databaseNow();
            resetsAt = currentReset(budget);
            // A unique reference per attempt: one request may reserve for several candidates in turn.
            String reference = requestId + "/" + backend.id() + "/" + UUID.randomUUID();
            hold = ledger.reserve(budget.id(), reference, worstCase, settings.reservationTtl());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Budget of tenant " + tenantId + " could not be checked; refusing " + backend.id(), e);
            throw new BudgetUnavailableException("The budget could not be checked; no model was called.", e);
        }
        if (hold.isEmpty()) {
            throw new BudgetExceededException("The budget of this tenant does not cover this request"
                    + " (worst case " + worstCase + " micro-USD on " + backend.id() + ").", retryAfter(now, resetsAt));
        }
        if (hold.get().softLimitCrossed()) {
            LOG.warning(() -> "Tenant " + tenantId + " crossed the soft limit of its budget: spent "
                    + hold.get().spentMicros() + " and reserved " + hold.get().reservedMicros() + " of "
                    + hold.get().limitMicros() + " micro-USD");
        }
        return new Admission(hold.get().reservationId(), worstCase, maxOutput);
    }

    /** The reset time now in force, after rolling the period forward if it passed. */
    private Instant currentReset(BudgetAccount budget) {
        BudgetPeriod period = BudgetPeriod.valueOf(budget.period());
        Instant due = budget.resetsAt() != null ? budget.resetsAt() : period.firstReset(budget.periodStart());
        if (due == null || due.isAfter(budget.databaseNow())) {
            return due;
        }
        BudgetPeriod.Window window = period.windowAt(due, budget.databaseNow());
        if (ledger.rollForward(budget.id(), budget.resetsAt(), window.start(), window.resetsAt())) {
            LOG.info(() -> "Budget " + budget.id() + " started a new " + period + " period until " + window.resetsAt());
        }
        return window.resetsAt();
    }

    static Long retryAfter(Instant now, Instant resetsAt) {
        if (resetsAt == null) {
            return null;
        }
        long millis = Duration.between(now, resetsAt).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    @Override
    public void close(Admission admission, UsageRecord row) {
        if (!admission.reserved()) {
            usage.append(row);
            return;
        }
        boolean closed = row.getCostMicros() > 0
                ? ledger.settle(admission.reservationId(), row.getCostMicros(), row)
                : ledger.release(admission.reservationId(), row);
        if (!closed) {
            // The sweeper charged the whole reservation already; the row still records what happened.
            LOG.warning(() -> "Reservation " + admission.reservationId() + " of request " + row.getRequestId()
                    + " had expired before it was settled");
        }
    }
}
