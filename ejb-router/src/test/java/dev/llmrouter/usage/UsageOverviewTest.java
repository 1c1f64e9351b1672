package dev.llmrouter.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmrouter.chat.Tier;
import dev.llmrouter.persistence.UsageBucket;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageOverviewTest {

    private static final Instant NOW = Instant.parse("2025-03-10T12:07:30Z");

    @Test
    void timelineCoversTheWindowInAlignedBuckets() {
        List<Instant> timeline = UsageOverview.timeline(ReportWindow.HOUR, ReportWindow.HOUR.firstBucket(NOW), NOW);

        assertEquals(Instant.parse("2025-03-10T11:06:00Z"), timeline.get(0));
        assertEquals(Instant.parse("2025-03-10T12:06:00Z"), timeline.get(timeline.size() - 1));
        assertEquals(31, timeline.size());
    }

    @Test
    void dayBucketsAlignToWholeHours() {
        assertEquals(Instant.parse("2025-03-10T12:00:00Z"), ReportWindow.DAY.bucketStart(NOW));
        assertEquals(Instant.parse("2025-03-10T00:00:00Z"), ReportWindow.MONTH.bucketStart(NOW));
    }

    @Test
    void rowsLandInTheirBucketAndEmptyBucketsAreZero() {
        List<Instant> timeline = UsageOverview.timeline(ReportWindow.HOUR, ReportWindow.HOUR.firstBucket(NOW), NOW);
        List<UsageBucket> rows = List.of(
                new UsageBucket(Instant.parse("2025-03-10T12:06:00Z"), "CACHE", 3, 0, 0, 900),
                new UsageBucket(Instant.parse("2025-03-10T12:06:00Z"), "LOCAL", 5, 1, 0, 1500),
                new UsageBucket(Instant.parse("2025-03-10T11:10:00Z"), "CLOUD", 2, 0, 400, 0),
                new UsageBucket(Instant.parse("2025-03-10T11:10:00Z"), "NONE", 0, 4, 0, 0),
                new UsageBucket(Instant.parse("2025-03-09T00:00:00Z"), "CLOUD", 99, 0, 99, 0));

        UsageOverview.Series series = UsageOverview.fill(ReportWindow.HOUR, timeline, rows);

        int last = timeline.size() - 1;
        assertEquals(3L, series.answeredByTier().get(Tier.CACHE).get(last));
        assertEquals(5L, series.answeredByTier().get(Tier.LOCAL).get(last));
        assertEquals(2L, series.answeredByTier().get(Tier.CLOUD).get(2));
        assertEquals(0L, series.answeredByTier().get(Tier.CLOUD).get(1));
        assertEquals(4L, series.failed().get(2));
        assertEquals(1L, series.failed().get(last));

        UsageSummary.Totals totals = series.totals();
        assertEquals(10, totals.answered());
        assertEquals(3, totals.cacheHits());
        assertEquals(5, totals.failed());
        assertEquals(400, totals.costMicros());
        assertEquals(2400, totals.savedMicros());
        assertEquals(0.3, totals.cacheHitRate(), 1e-9);
    }

    @Test
    void noTrafficMeansNoHitRateRatherThanADivisionByZero() {
        assertEquals(0.0, new UsageSummary.Totals(0, 0, 0, 0, 0).cacheHitRate());
    }
}
