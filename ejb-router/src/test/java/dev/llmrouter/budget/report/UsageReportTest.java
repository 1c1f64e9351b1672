package dev.llmrouter.budget.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.llmrouter.persistence.UsageTotal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageReportTest {

    private static final LocalDate MAY_1 = LocalDate.of(2025, 5, 1);
    private static final LocalDate MAY_2 = LocalDate.of(2025, 5, 2);
    private static final Instant FROM = Instant.parse("2025-05-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-05-03T00:00:00Z");

    private final List<UsageTotal> totals = List.of(
            new UsageTotal(MAY_1, "CACHE", 3, 0, 0, 0, 30, 60, 0, 90, 90),
            new UsageTotal(MAY_1, "CLOUD", 2, 1, 4, 0, 20, 40, 70, 70, 0),
            new UsageTotal(MAY_2, "CLOUD", 1, 0, 0, 1, 10, 20, 35, 35, 0),
            new UsageTotal(MAY_2, "LOCAL", 5, 0, 0, 0, 50, 100, 0, 150, 150));

    @Test
    void byDayKeepsEveryDayAndTier() {
        UsageReport report = UsageReport.of(7, "acme", FROM, TO, UsageReport.Grouping.DAY, totals);

        assertEquals(4, report.lines().size());
        assertEquals(MAY_2, report.lines().get(3).day());
        assertEquals("LOCAL", report.lines().get(3).tier());
    }

    @Test
    void byTierSumsTheDays() {
        UsageReport report = UsageReport.of(7, "acme", FROM, TO, UsageReport.Grouping.TIER, totals);

        assertEquals(List.of("CACHE", "CLOUD", "LOCAL"), report.lines().stream().map(UsageLine::tier).toList());
        UsageLine cloud = report.lines().get(1);
        assertNull(cloud.day());
        assertEquals(3, cloud.answered());
        assertEquals(1, cloud.failed());
        assertEquals(4, cloud.rejected());
        assertEquals(1, cloud.expired());
        assertEquals(105, cloud.costMicros());
        assertEquals(60, cloud.completionTokens());
    }

    @Test
    void totalsAddUpSpendAndSavings() {
        UsageLine totals = UsageReport.of(7, "acme", FROM, TO, UsageReport.Grouping.DAY, this.totals).totals();

        assertEquals(11, totals.answered());
        assertEquals(105, totals.costMicros());
        assertEquals(345, totals.shadowCostMicros());
        assertEquals(240, totals.savedMicros(), "what cache and local answers saved");
        assertEquals(110, totals.promptTokens());
    }

    @Test
    void anEmptyPeriodHasZeroTotals() {
        UsageReport report = UsageReport.of(7, "acme", FROM, TO, UsageReport.Grouping.DAY, List.of());

        assertEquals(0, report.totals().costMicros());
        assertEquals(List.of(), report.lines());
    }
}
