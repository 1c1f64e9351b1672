package dev.llmrouter.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmrouter.budget.report.UsageReport;
import dev.llmrouter.web.api.error.ApiException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UsageReportJsonTest {

    private static final Instant NOW = Instant.parse("2025-06-17T10:15:00Z");

    @Test
    void byDefaultThisMonthSoFarByDay() {
        UsageReportJson.Query query = UsageReportJson.query(null, null, null, NOW);

        assertEquals(Instant.parse("2025-06-01T00:00:00Z"), query.from());
        assertEquals(NOW, query.to());
        assertEquals(UsageReport.Grouping.DAY, query.grouping());
    }

    @Test
    void datesAreWholeUtcDaysWithToIncluded() {
        UsageReportJson.Query query = UsageReportJson.query("2025-05-01", "2025-05-31", "tier", NOW);

        assertEquals(Instant.parse("2025-05-01T00:00:00Z"), query.from());
        assertEquals(Instant.parse("2025-06-01T00:00:00Z"), query.to());
        assertEquals(UsageReport.Grouping.TIER, query.grouping());
    }

    @Test
    void instantsAreTakenAsTheyAre() {
        UsageReportJson.Query query = UsageReportJson.query("2025-05-01T12:00:00Z", "2025-05-02T12:00:00Z", "DAY", NOW);

        assertEquals(Instant.parse("2025-05-01T12:00:00Z"), query.from());
        assertEquals(Instant.parse("2025-05-02T12:00:00Z"), query.to());
    }

    @Test
    void badInputIsA400NamingTheParameter() {
        assertEquals("from", assertThrows(ApiException.class,
                () -> UsageReportJson.query("yesterday", null, null, NOW)).param());
        assertEquals("group_by", assertThrows(ApiException.class,
                () -> UsageReportJson.query(null, null, "model", NOW)).param());
        assertEquals(400, assertThrows(ApiException.class,
                () -> UsageReportJson.query("2025-06-10", "2025-06-01", null, NOW)).status());
        assertEquals(400, assertThrows(ApiException.class,
                () -> UsageReportJson.query("2020-01-01", "2025-01-01", null, NOW)).status());
    }
}
