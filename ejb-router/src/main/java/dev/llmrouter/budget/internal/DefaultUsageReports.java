package dev.llmrouter.budget.internal;

import dev.llmrouter.admin.UnknownObjectException;
import dev.llmrouter.budget.report.UsageReport;
import dev.llmrouter.budget.report.UsageReports;
import dev.llmrouter.persistence.Tenant;
import dev.llmrouter.persistence.Tenants;
import dev.llmrouter.persistence.UsageTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/** Checks the period, lets the database sum the ledger, groups the sums. */
@ApplicationScoped
public class DefaultUsageReports implements UsageReports {

    @Inject
    UsageTotals totals;

    @Inject
    Tenants tenants;

    @Override
    public UsageReport report(long tenantId, Instant from, Instant to, UsageReport.Grouping grouping) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to'.");
        }
        if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw new IllegalArgumentException("A report covers at most " + MAX_PERIOD.toDays() + " days.");
        }
        Tenant tenant = tenants.findById(tenantId)
                .orElseThrow(() -> new UnknownObjectException("tenantId", "There is no tenant " + tenantId + "."));
        return UsageReport.of(tenantId, tenant.getName(), from, to, grouping, totals.byDayAndTier(tenantId, from, to));
    }
}
