package dev.llmrouter.usage;

import dev.llmrouter.backend.BackendLoad;
import dev.llmrouter.backend.BackendRegistry;
import dev.llmrouter.backend.InferenceBackend;
import dev.llmrouter.chat.Tier;
import dev.llmrouter.persistence.BackendLatency;
import dev.llmrouter.persistence.BudgetBurn;
import dev.llmrouter.persistence.LedgerEntry;
import dev.llmrouter.persistence.UsageBucket;
import dev.llmrouter.persistence.UsageReports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds operator reports from the usage ledger, the budgets and the backends' live load. */
@ApplicationScoped
public class UsageOverview {

    @Inject
    UsageReports reports;

    @Inject
    BackendRegistry registry;

    Clock clock = Clock.systemUTC();

    /** The report for the window, for one tenant or (null) all of them. */
    public UsageSummary summarize(ReportWindow window, Long tenantId) {
        Instant now = clock.instant();
        Instant first = window.firstBucket(now);
        List<Instant> timeline = timeline(window, first, now);
        return fill(window, timeline, reports.buckets(first, window.bucket(), tenantId))
                .withDetails(reports.latencies(first, tenantId), reports.budgetBurn(tenantId), localQueues());
    }

    /** The newest ledger rows, newest first. */
    public List<LedgerEntry> recent(int offset, int limit, Long tenantId) {
        return reports.recent(offset, Math.min(limit, 500), tenantId);
    }

    public long countRecent(Long tenantId) {
        return reports.countRecent(tenantId);
    }

    /** Calls in flight and waiting at each local backend: the local inference queue. */
    public List<BackendLoad> localQueues() {
        return registry.all().stream()
                .filter(b -> b.tier() == Tier.LOCAL)
                .map(InferenceBackend::id)
                .map(registry::load)
                .flatMap(Optional::stream)
                .toList();
    }

    static List<Instant> timeline(ReportWindow window, Instant first, Instant now) {
        List<Instant> timeline = new ArrayList<>();
        for (Instant t = first; !t.isAfter(now); t = t.plus(window.bucket())) {
            timeline.add(t);
        }
        return timeline;
    }

    /** Spreads the non-empty database buckets over the full timeline; rows outside it are ignored. */
    static Series fill(ReportWindow window, List<Instant> timeline, List<UsageBucket> rows) {
        Map<Instant, Integer> index = new HashMap<>();
        for (int i = 0; i < timeline.size(); i++) {
            index.put(timeline.get(i), i);
        }
        Map<Tier, long[]> answered = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            answered.put(tier, new long[timeline.size()]);
        }
        long[] failed = new long[timeline.size()];
        long[] cost = new long[timeline.size()];
        long[] saved = new long[timeline.size()];
        for (UsageBucket row : rows) {
            Integer i = index.get(window.bucketStart(row.start()));
            if (i == null) {
                continue;
            }
            tier(row.tier()).ifPresent(t -> answered.get(t)[i] += row.answered());
            failed[i] += row.failed();
            cost[i] += row.costMicros();
            saved[i] += row.savedMicros();
        }
        Map<Tier, List<Long>> byTier = new EnumMap<>(Tier.class);
        answered.forEach((tier, values) -> byTier.put(tier, list(values)));
        return new Series(window, List.copyOf(timeline), Collections.unmodifiableMap(byTier), list(failed), list(cost),
                list(saved));
    }

    private static Optional<Tier> tier(String name) {
        try {
            return Optional.of(Tier.valueOf(name));
        } catch (IllegalArgumentException | NullPointerException e) {
            // NONE: the request never reached a backend; it only counts as failed.
            return Optional.empty();
        }
    }

    private static List<Long> list(long[] values) {
        List<Long> list = new ArrayList<>(values.length);
        for (long v : values) {
            list.add(v);
        }
        return List.copyOf(list);
    }

    /** The time series of a report, before the per-backend and per-budget details are added. */
    record Series(ReportWindow window, List<Instant> buckets, Map<Tier, List<Long>> answeredByTier, List<Long> failed,
                  List<Long> costMicros, List<Long> savedMicros) {

        UsageSummary.Totals totals() {
            long answered = answeredByTier.values().stream().flatMap(List::stream).mapToLong(Long::longValue).sum();
            long cacheHits = answeredByTier.get(Tier.CACHE).stream().mapToLong(Long::longValue).sum();
            return new UsageSummary.Totals(answered, cacheHits, sum(failed), sum(costMicros), sum(savedMicros));
        }

        UsageSummary withDetails(List<BackendLatency> latencies, List<BudgetBurn> budgets,
                                  List<BackendLoad> queues) {
            return new UsageSummary(window, buckets, answeredByTier, failed, costMicros, savedMicros, totals(),
                    latencies, budgets, queues);
        }

        private static long sum(List<Long> values) {
            return values.stream().mapToLong(Long::longValue).sum();
        }
    }
}
