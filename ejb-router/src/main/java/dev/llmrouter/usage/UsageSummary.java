package dev.llmrouter.usage;

import dev.llmrouter.backend.BackendLoad;
import dev.llmrouter.chat.Tier;
import dev.llmrouter.persistence.BackendLatency;
import dev.llmrouter.persistence.BudgetBurn;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A report over one window. The series are aligned with {@code buckets} (one value per bucket, zero
 * where nothing happened); money is micro-USD.
 */
public record UsageSummary(
        ReportWindow window,
        List<Instant> buckets,
        Map<Tier, List<Long>> answeredByTier,
        List<Long> failed,
        List<Long> costMicros,
        List<Long> savedMicros,
        Totals totals,
        List<BackendLatency> latencies,
        List<BudgetBurn> budgets,
        List<BackendLoad> localQueues) {

    /** Sums over the whole window. */
    public record Totals(long answered, long cacheHits, long failed, long costMicros, long savedMicros) {

        /** Share of answered requests that the cache answered, 0 when none were answered. */
        public double cacheHitRate() {
            return answered == 0 ? 0 : (double) cacheHits / answered;
        }
    }
}
