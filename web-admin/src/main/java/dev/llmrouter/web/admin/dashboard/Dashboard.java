package dev.llmrouter.web.admin.dashboard;

import dev.llmrouter.backend.BackendLoad;
import dev.llmrouter.persistence.BackendLatency;
import dev.llmrouter.usage.ReportWindow;
import dev.llmrouter.usage.UsageOverview;
import dev.llmrouter.usage.UsageSummary;
import dev.llmrouter.web.admin.Money;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The dashboard page: one report over the chosen window, charts and tables from it. */
@Named
@ViewScoped
public class Dashboard implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UsageOverview overview;

    private ReportWindow window = ReportWindow.DAY;
    private transient UsageSummary summary;

    @PostConstruct
    void load() {
        summary = overview.summarize(window, null);
    }

    /** Re-reads the report (window changed, or the refresh button). */
    public void refresh() {
        load();
    }

    public ReportWindow getWindow() {
        return window;
    }

    public void setWindow(ReportWindow window) {
        this.window = window == null ? ReportWindow.DAY : window;
    }

    public ReportWindow[] getWindows() {
        return ReportWindow.values();
    }

    UsageSummary summary() {
        if (summary == null) {
            load();
        }
        return summary;
    }

    public long getAnswered() {
        return summary().totals().answered();
    }

    public long getFailed() {
        return summary().totals().failed();
    }

    public String getCacheHitRate() {
        return String.format("%.1f%%", 100 * summary().totals().cacheHitRate());
    }

    public long getCacheHits() {
        return summary().totals().cacheHits();
    }

    public String getSpent() {
        return Money.usd(summary().totals().costMicros());
    }

    public String getSaved() {
        return Money.usd(summary().totals().savedMicros());
    }

    public int getLocalQueue() {
        return summary().localQueues().stream().mapToInt(BackendLoad::queueLength).sum();
    }

    public String getRequestsChart() {
        return DashboardCharts.requestsByTier(summary());
    }

    public String getSpendChart() {
        return DashboardCharts.spendAndSavings(summary());
    }

    public String getTierChart() {
        return DashboardCharts.answersByTier(summary());
    }

    public String getLatencyChart() {
        return DashboardCharts.latency(summary().latencies());
    }

    public String getQueueChart() {
        return DashboardCharts.localQueues(summary().localQueues());
    }

    public String getBudgetChart() {
        return DashboardCharts.budgetBurn(getBudgets());
    }

    public List<LatencyRow> getLatencies() {
        return summary().latencies().stream().map(LatencyRow::new).toList();
    }

    public List<BudgetStanding> getBudgets() {
        return summary().budgets().stream().map(BudgetStanding::new).toList();
    }

    public boolean isHasLocalBackends() {
        return !summary().localQueues().isEmpty();
    }

    /** A backend's latency as a table row. */
    public static class LatencyRow {

        private final BackendLatency latency;

        LatencyRow(BackendLatency latency) {
            this.latency = latency;
        }

        public String getBackend() {
            return latency.backend();
        }

        public long getRequests() {
            return latency.requests();
        }

        public long getP50() {
            return Math.round(latency.p50Millis());
        }

        public long getP95() {
            return Math.round(latency.p95Millis());
        }
    }
}
