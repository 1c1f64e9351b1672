package dev.llmrouter.budget.internal;

import dev.llmrouter.backend.BackendDefinition;
import dev.llmrouter.backend.BackendRegistry;
import dev.llmrouter.budget.Admission;
import dev.llmrouter.budget.BudgetExceededException;
import dev.llmrouter.budget.BudgetOutlook;
import dev.llmrouter.budget.BudgetPeriod;
import dev.llmrouter.budget.BudgetUnavailableException;
import dev.llmrouter.budget.Budgets;
import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.persistence.BudgetAccount;
import dev.llmrouter.persistence.BudgetHold;
import dev.llmrouter.persistence.BudgetLedger;
import dev.llmrouter.persistence.BudgetReservation;
import dev.llmrouter.persistence.PendingCall;
import dev.llmrouter.persistence.CallerBudgets;
import dev.llmrouter.persistence.UsageLedger;
import dev.llmrouter.persistence.UsageRecord;
import dev.llmrouter.route.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Admission in three steps, each a statement of its own: read the caller's budgets (the tenant's and its
 * key's), roll their periods forward if a reset time passed, reserve the worst case on all of them at
 * once. Any database failure refuses the call (fail closed); only the reserve statements decide whether
 * money is left.
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

    @Inject
    BackendRegistry registry;

    /** A budget as it stands now: after a period roll-forward, what it held before is no longer spent. */
    private record Standing(BudgetAccount account, boolean keyBudget, Instant resetsAt, boolean rolled) {
        long remainingMicros() {
            return FreeTierPolicy.remaining(account.limitMicros(), rolled ? 0 : account.spentMicros(),
                    account.reservedMicros());
        }
    }

    @Override
    public Admission admit(Caller caller, String requestId, BackendDefinition backend, ChatRequest request) {
        int maxOutput = WorstCase.maxOutputTokens(request.maxTokens(), settings.defaultMaxOutputTokens());
        long worstCase = WorstCase.costMicros(backend, request.messages(), maxOutput);
        CallerBudgets budgets;
        List<Standing> standings;
        BudgetReservation reservation;
        try {
            budgets = ledger.findBudgets(caller.tenantId(), caller.apiKeyId());
            if (budgets.accounts().isEmpty() || (worstCase == 0 && budgets.freeTiersWhenExhausted())) {
                return Admission.UNRESERVED;
            }
            standings = standings(budgets);
            if (worstCase == 0) {
                refuseIfExhausted(caller, standings, cheapestPaidWorstCase(request, maxOutput), backend.id());
                return Admission.UNRESERVED;
            }
            // A unique reference per attempt: one request may reserve for several candidates in turn.
            PendingCall call = new PendingCall(requestId + "/" + backend.id() + "/" + UUID.randomUUID(), requestId,
                    caller.apiKeyId(), backend.id(), backend.tier().name());
            reservation = ledger.reserve(standings.stream().map(s -> s.account().id()).toList(), call, worstCase,
                    settings.reservationTtl());
        } catch (BudgetExceededException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Budget of tenant " + caller.tenantId() + " could not be checked; refusing "
                    + backend.id(), e);
            throw new BudgetUnavailableException("The budget could not be checked; no model was called.", e);
        }
        if (!reservation.granted()) {
            Standing refused = standings.stream().filter(s -> s.account().id() == reservation.refusedBudgetId())
                    .findFirst().orElseThrow();
            throw new BudgetExceededException("The budget of this " + owner(refused)
                    + " does not cover this request (worst case " + worstCase + " micro-USD on " + backend.id() + ").",
                    retryAfter(refused.account().databaseNow(), refused.resetsAt()));
        }
        for (BudgetHold hold : reservation.holds()) {
            if (hold.softLimitCrossed()) {
                LOG.warning(() -> "Tenant " + caller.tenantId() + " crossed the soft limit of budget " + hold.budgetId()
                        + ": spent " + hold.spentMicros() + " and reserved " + hold.reservedMicros() + " of "
                        + hold.limitMicros() + " micro-USD");
            }
        }
        return new Admission(reservation.reservationId(), worstCase, maxOutput);
    }

    @Override
    public void admitFree(Caller caller, ChatRequest request) {
        try {
            CallerBudgets budgets = ledger.findBudgets(caller.tenantId(), caller.apiKeyId());
            if (budgets.accounts().isEmpty() || budgets.freeTiersWhenExhausted()) {
                return;
            }
            int maxOutput = WorstCase.maxOutputTokens(request.maxTokens(), settings.defaultMaxOutputTokens());
            refuseIfExhausted(caller, standings(budgets), cheapestPaidWorstCase(request, maxOutput), "the cache");
        } catch (BudgetExceededException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Budget of tenant " + caller.tenantId() + " could not be checked; refusing a cache hit",
                    e);
            throw new BudgetUnavailableException("The budget could not be checked; nothing was served.", e);
        }
    }

    @Override
    public BudgetOutlook outlook(Caller caller) {
        CallerBudgets budgets;
        try {
            budgets = ledger.findBudgets(caller.tenantId(), caller.apiKeyId());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Budget of tenant " + caller.tenantId() + " unreadable for ranking", e);
            return new BudgetOutlook(null, 1.0, "budget unreadable");
        }
        Long left = null;
        double pacing = 1;
        String note = null;
        for (BudgetAccount account : budgets.accounts()) {
            Instant now = account.databaseNow();
            boolean periodOver = account.resetsAt() != null && !account.resetsAt().isAfter(now);
            long remaining = periodOver ? account.limitMicros()
                    : FreeTierPolicy.remaining(account.limitMicros(), account.spentMicros(), account.reservedMicros());
            left = left == null ? remaining : Math.min(left, remaining);
            double used = account.limitMicros() == 0 ? 1 : 1 - remaining / (double) account.limitMicros();
            double elapsed = periodOver ? 0 : Pacing.elapsed(account.periodStart(), account.resetsAt(), now);
            double factor = Pacing.factor(used, elapsed);
            if (factor > pacing) {
                pacing = factor;
                note = String.format(Locale.ROOT, "%s budget %.0f%% used%s: cost weight x%.1f",
                        budgets.isKeyBudget(account) ? "key" : "tenant", 100 * used,
                        Double.isNaN(elapsed) ? "" : String.format(Locale.ROOT, " at %.0f%% of its period",
                                100 * elapsed), factor);
            }
        }
        return left == null ? BudgetOutlook.UNLIMITED : new BudgetOutlook(left, pacing, note);
    }

    private List<Standing> standings(CallerBudgets budgets) {
        List<Standing> standings = new ArrayList<>(2);
        for (BudgetAccount account : budgets.accounts()) {
            standings.add(standing(account, budgets.isKeyBudget(account)));
        }
        return standings;
    }

    /** The tenant's policy keeps free tiers closed: refuse when any of the caller's budgets is exhausted. */
    private static void refuseIfExhausted(Caller caller, List<Standing> standings, long cheapestPaid, String what) {
        List<Standing> exhausted = standings.stream()
                .filter(s -> FreeTierPolicy.exhausted(s.remainingMicros(), cheapestPaid))
                .toList();
        if (exhausted.isEmpty()) {
            return;
        }
        // Free answers come back only when every exhausted budget has reset.
        Long retryAfter = 0L;
        for (Standing s : exhausted) {
            Long wait = retryAfter(s.account().databaseNow(), s.resetsAt());
            retryAfter = wait == null || retryAfter == null ? null : Math.max(retryAfter, wait);
        }
        LOG.fine(() -> "Tenant " + caller.tenantId() + " is out of money; its policy closes " + what);
        throw new BudgetExceededException("The budget of this " + owner(exhausted.get(0))
                + " is exhausted and the tenant's policy serves no free answers until it resets.", retryAfter);
    }

    /** What the request would reserve on the cheapest paid model; 0 when no model costs anything. */
    private long cheapestPaidWorstCase(ChatRequest request, int maxOutput) {
        return registry.all().stream()
                .mapToLong(b -> WorstCase.costMicros(b.definition(), request.messages(), maxOutput))
                .filter(cost -> cost > 0)
                .min()
                .orElse(0);
    }

    private static String owner(Standing standing) {
        return standing.keyBudget() ? "API key" : "tenant";
    }

    /** The budget with the reset time now in force, after rolling the period forward if it passed. */
    private Standing standing(BudgetAccount budget, boolean keyBudget) {
        BudgetPeriod period = BudgetPeriod.valueOf(budget.period());
        Instant due = budget.resetsAt() != null ? budget.resetsAt() : period.firstReset(budget.periodStart());
        if (due == null || due.isAfter(budget.databaseNow())) {
            return new Standing(budget, keyBudget, due, false);
        }
        BudgetPeriod.Window window = period.windowAt(due, budget.databaseNow());
        if (ledger.rollForward(budget.id(), budget.resetsAt(), window.start(), window.resetsAt())) {
            LOG.info(() -> "Budget " + budget.id() + " started a new " + period + " period until " + window.resetsAt());
        }
        return new Standing(budget, keyBudget, window.resetsAt(), true);
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
            // The sweeper charged the whole reservation already and booked it; the row records what happened.
            LOG.warning(() -> "Reservation " + admission.reservationId() + " of request " + row.getRequestId()
                    + " had expired before it was settled");
        }
    }
}
