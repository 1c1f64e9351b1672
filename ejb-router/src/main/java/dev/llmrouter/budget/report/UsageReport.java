package dev.llmrouter.budget.report;

import dev.llmrouter.persistence.UsageTotal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tenant's usage in [{@code from}, {@code to}): the totals, and lines as {@code grouping} asks. */
public record UsageReport(long tenantId, String tenantName, Instant from, Instant to, Grouping grouping,
                         UsageLine totals, List<UsageLine> lines) {

    public enum Grouping {
        /** One line per UTC day and tier. */
        DAY,
        /** One line per tier over the whole period. */
        TIER
    }

    /** Sums the ledger's day-and-tier totals (in day, tier order) into the lines {@code grouping} asks for. */
    public static UsageReport of(long tenantId, String tenantName, Instant from, Instant to, Grouping grouping,
                                 List<UsageTotal> totals) {
        UsageLine sum = UsageLine.empty(null, null);
        Map<String, UsageLine> byTier = new LinkedHashMap<>();
        List<UsageLine> byDay = new ArrayList<>();
        for (UsageTotal total : totals) {
            UsageLine line = UsageLine.of(total);
            sum = sum.plus(line);
            byDay.add(line);
            byTier.merge(total.tier(), UsageLine.empty(null, total.tier()).plus(line), UsageLine::plus);
        }
        List<UsageLine> lines = grouping == Grouping.DAY ? byDay
                : byTier.values().stream().sorted(java.util.Comparator.comparing(UsageLine::tier)).toList();
        return new UsageReport(tenantId, tenantName, from, to, grouping, sum, List.copyOf(lines));
    }
}
