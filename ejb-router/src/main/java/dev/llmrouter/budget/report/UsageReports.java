package dev.llmrouter.budget.report;

import java.time.Duration;
import java.time.Instant;

/** Spend and savings reports of one tenant, straight from the usage ledger. */
public interface UsageReports {

    /** The longest period one report may cover. */
    Duration MAX_PERIOD = Duration.ofDays(366);

    /**
     * The tenant's usage in [{@code from}, {@code to}).
     *
     * @throws IllegalArgumentException when {@code from} is not before {@code to} or the period is longer
     *                                  than {@link #MAX_PERIOD}
     * @throws dev.llmrouter.admin.UnknownObjectException when there is no such tenant
     */
    UsageReport report(long tenantId, Instant from, Instant to, UsageReport.Grouping grouping);
}
