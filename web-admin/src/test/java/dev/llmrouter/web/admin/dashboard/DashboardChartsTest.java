package dev.llmrouter.web.admin.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmrouter.backend.BackendLoad;
import dev.llmrouter.chat.Tier;
import dev.llmrouter.persistence.BackendLatency;
import dev.llmrouter.persistence.BudgetBurn;
import dev.llmrouter.usage.ReportWindow;
import dev.llmrouter.usage.UsageSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardChartsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Instant> BUCKETS = List.of(Instant.parse("2025-03-10T10:00:00Z"),
            Instant.parse("2025-03-10T11:00:00Z"));

    static UsageSummary summary() {
        return new UsageSummary(ReportWindow.DAY, BUCKETS,
                Map.of(Tier.CACHE, List.of(1L, 4L), Tier.LOCAL, List.of(2L, 0L), Tier.CLOUD, List.of(0L, 3L)),
                List.of(0L, 1L), List.of(0L, 2_500_000L), List.of(150L, 300L),
                new UsageSummary.Totals(10, 5, 1, 2_500_000, 450),
                List.of(new BackendLatency("sim-local", 2, 700.4, 912.6)), List.of(),
                List.of(new BackendLoad("sim-local", 2, 1, 4, 32, "CLOSED")));
    }

    @Test
    void requestsChartStacksOneDatasetPerTierPlusFailures() throws Exception {
        JsonNode chart = JSON.readTree(DashboardCharts.requestsByTier(summary()));

        assertEquals("bar", chart.path("type").asText());
        assertEquals("10:00", chart.at("/data/labels/0").asText());
        assertEquals("11:00", chart.at("/data/labels/1").asText());
        JsonNode datasets = chart.at("/data/datasets");
        assertEquals(4, datasets.size());
        assertEquals("cache", datasets.get(0).path("label").asText());
        assertEquals(4, datasets.get(0).at("/data/1").asInt());
        assertEquals("failed", datasets.get(3).path("label").asText());
        assertTrue(chart.at("/options/scales/y/stacked").asBoolean());
        assertTrue(chart.at("/options/scales/x/stacked").asBoolean());
    }

    @Test
    void spendIsShownInDollars() throws Exception {
        JsonNode chart = JSON.readTree(DashboardCharts.spendAndSavings(summary()));

        assertEquals("line", chart.path("type").asText());
        assertEquals("spent (USD)", chart.at("/data/datasets/0/label").asText());
        assertEquals(2.5, chart.at("/data/datasets/0/data/1").asDouble(), 1e-9);
        assertEquals(0.0003, chart.at("/data/datasets/1/data/1").asDouble(), 1e-12);
    }

    @Test
    void amountsBelowACentAreShownInMicroDollars() throws Exception {
        UsageSummary s = summary();
        UsageSummary small = new UsageSummary(s.window(), s.buckets(), s.answeredByTier(), s.failed(),
                List.of(0L, 42L), List.of(93L, 0L), s.totals(), s.latencies(), s.budgets(), s.localQueues());

        JsonNode chart = JSON.readTree(DashboardCharts.spendAndSavings(small));

        assertEquals("spent (micro-USD)", chart.at("/data/datasets/0/label").asText());
        assertEquals(42, chart.at("/data/datasets/0/data/1").asLong());
        assertEquals("micro-USD", chart.at("/options/scales/y/title/text").asText());
    }

    @Test
    void latencyChartHasMedianAndTailPerBackend() throws Exception {
        JsonNode chart = JSON.readTree(DashboardCharts.latency(summary().latencies()));

        assertEquals("sim-local", chart.at("/data/labels/0").asText());
        assertEquals(700, chart.at("/data/datasets/0/data/0").asInt());
        assertEquals(913, chart.at("/data/datasets/1/data/0").asInt());
    }

    @Test
    void queueAndBudgetChartsAreHorizontal() throws Exception {
        JsonNode queues = JSON.readTree(DashboardCharts.localQueues(summary().localQueues()));
        assertEquals("y", queues.at("/options/indexAxis").asText());
        assertEquals("category", queues.at("/options/scales/y/type").asText());
        assertEquals("linear", queues.at("/options/scales/x/type").asText());
        assertEquals(1, queues.at("/data/datasets/1/data/0").asInt());

        BudgetBurn burn = new BudgetBurn(1, 7, "acme", 10_000_000, null, 2_000_000, 500_000, 1, "MONTHLY",
                Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-03-31T00:00:00Z"),
                Instant.parse("2025-03-16T00:00:00Z"));
        JsonNode budgets = JSON.readTree(DashboardCharts.budgetBurn(List.of(new BudgetStanding(burn))));
        assertEquals("y", budgets.at("/options/indexAxis").asText());
        assertEquals("acme", budgets.at("/data/labels/0").asText());
        assertEquals(25.0, budgets.at("/data/datasets/0/data/0").asDouble(), 1e-9);
        assertEquals(50.0, budgets.at("/data/datasets/1/data/0").asDouble(), 1e-9);
    }
}
