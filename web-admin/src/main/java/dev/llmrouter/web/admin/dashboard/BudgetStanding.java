package dev.llmrouter.web.admin.dashboard;

import dev.llmrouter.persistence.BudgetBurn;
import dev.llmrouter.web.admin.Money;
import java.time.Duration;
import java.time.Instant;

/**
 * One tenant's budget as a table row (getters, because EL cannot read records): how much of the limit
 * is spent or reserved, against how much of the period has passed.
 */
public class BudgetStanding {

    private final BudgetBurn burn;

    public BudgetStanding(BudgetBurn burn) {
        this.burn = burn;
    }

    public long getBudgetId() {
        return burn.budgetId();
    }

    public long getTenantId() {
        return burn.tenantId();
    }

    public String getTenant() {
        return burn.tenantName();
    }

    public String getPeriod() {
        return burn.period();
    }

    public String getLimit() {
        return Money.usd(burn.limitMicros());
    }

    public String getSoftLimit() {
        return burn.softLimitMicros() == null ? "none" : Money.usd(burn.softLimitMicros());
    }

    public String getSpent() {
        return Money.usd(burn.spentMicros());
    }

    public String getReserved() {
        return Money.usd(burn.reservedMicros());
    }

    public String getRemaining() {
        return Money.usd(Math.max(0, burn.limitMicros() - burn.spentMicros() - burn.reservedMicros()));
    }

    public int getOpenReservations() {
        return burn.openReservations();
    }

    public Instant getPeriodStart() {
        return burn.periodStart();
    }

    public Instant getResetsAt() {
        return burn.resetsAt();
    }

    /** Spent plus reserved, as a share of the limit (may pass 100 only by one request's estimation error). */
    public double getUsedPercent() {
        if (burn.limitMicros() <= 0) {
            return burn.spentMicros() + burn.reservedMicros() > 0 ? 100 : 0;
        }
        return round(100.0 * (burn.spentMicros() + burn.reservedMicros()) / burn.limitMicros());
    }

    /** How much of the current period has passed; 0 for a budget without an end. */
    public double getElapsedPercent() {
        if (burn.resetsAt() == null || burn.periodStart() == null || !burn.resetsAt().isAfter(burn.periodStart())) {
            return 0;
        }
        long total = Duration.between(burn.periodStart(), burn.resetsAt()).toSeconds();
        long gone = Duration.between(burn.periodStart(), burn.databaseNow()).toSeconds();
        return round(100.0 * Math.max(0, Math.min(gone, total)) / total);
    }

    /** "over" once the limit is used, "soft" past the soft limit, "ok" otherwise: the bar's colour. */
    public String getState() {
        long used = burn.spentMicros() + burn.reservedMicros();
        if (used >= burn.limitMicros()) {
            return "over";
        }
        if (burn.softLimitMicros() != null && used >= burn.softLimitMicros()) {
            return "soft";
        }
        return "ok";
    }

    /** True when spending runs ahead of the calendar: the budget will run out before the period ends. */
    public boolean isAhead() {
        return burn.resetsAt() != null && getUsedPercent() > getElapsedPercent();
    }

    private static double round(double percent) {
        return Math.round(percent * 10) / 10.0;
    }
}
