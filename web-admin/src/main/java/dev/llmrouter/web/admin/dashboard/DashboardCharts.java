package dev.llmrouter.web.admin.dashboard;

import dev.llmrouter.backend.BackendLoad;
import dev.llmrouter.chat.Tier;
import dev.llmrouter.persistence.BackendLatency;
import dev.llmrouter.usage.ReportWindow;
import dev.llmrouter.usage.UsageSummary;
import dev.llmrouter.web.admin.Money;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.xdev.chartjs.model.charts.BarChart;
import software.xdev.chartjs.model.charts.DoughnutChart;
import software.xdev.chartjs.model.charts.LineChart;
import software.xdev.chartjs.model.data.BarData;
import software.xdev.chartjs.model.data.DoughnutData;
import software.xdev.chartjs.model.data.LineData;
import software.xdev.chartjs.model.dataset.BarDataset;
import software.xdev.chartjs.model.dataset.DoughnutDataset;
import software.xdev.chartjs.model.dataset.LineDataset;
import software.xdev.chartjs.model.enums.IndexAxis;
import software.xdev.chartjs.model.options.BarOptions;
import software.xdev.chartjs.model.options.DoughnutOptions;
import software.xdev.chartjs.model.options.LegendOptions;
import software.xdev.chartjs.model.options.LineOptions;
import software.xdev.chartjs.model.options.Plugins;
import software.xdev.chartjs.model.options.scale.Scales;
import software.xdev.chartjs.model.options.scale.cartesian.AbstractCartesianScaleOptions;
import software.xdev.chartjs.model.options.scale.cartesian.linear.LinearScaleOptions;

/** Chart.js configurations (JSON for {@code p:chart}) built from a usage report. Pure functions. */
final class DashboardCharts {

    static final Map<Tier, String> TIER_COLORS = Map.of(Tier.CACHE, "#22a06b", Tier.LOCAL, "#3b82f6",
            Tier.CLOUD, "#9b5de5");
    static final String FAILED_COLOR = "#e5484d";

    private DashboardCharts() {
    }

    /** Stacked bars: answered requests per tier and failed attempts, per time bucket. */
    static String requestsByTier(UsageSummary summary) {
        BarData data = new BarData().setLabels(labels(summary.window(), summary.buckets()));
        for (Tier tier : Tier.values()) {
            data.addDataset(bars(label(tier), TIER_COLORS.get(tier), summary.answeredByTier().get(tier)));
        }
        data.addDataset(bars("failed", FAILED_COLOR, summary.failed()));
        return new BarChart(data, barOptions(true, "requests")).toJson();
    }

    /**
     * Lines: what was spent and what answering below the cloud tier saved, per bucket. In USD, or in
     * micro-USD while every bucket stays below a cent (small amounts would read as 1.0E-5 otherwise).
     */
    static String spendAndSavings(UsageSummary summary) {
        long largest = Stream.concat(summary.costMicros().stream(), summary.savedMicros().stream())
                .mapToLong(Long::longValue).max().orElse(0);
        boolean micro = largest < 10_000;
        String unit = micro ? "micro-USD" : "USD";
        LineData data = new LineData().setLabels(labels(summary.window(), summary.buckets()))
                .addDataset(line("spent (" + unit + ")", "#9b5de5", summary.costMicros(), micro))
                .addDataset(line("saved (" + unit + ")", "#22a06b", summary.savedMicros(), micro));
        LineOptions options = new LineOptions().setResponsive(true).setMaintainAspectRatio(false)
                .setAnimation(false)
                .setPlugins(new Plugins().setLegend(new LegendOptions().setPosition("bottom")))
                .setScales(new Scales().addScale(Scales.ScaleAxis.Y, new LinearScaleOptions().setBeginAtZero(true)
                        .setTitle(new AbstractCartesianScaleOptions.Title().setDisplay(true).setText(unit))));
        return new LineChart(data, options).toJson();
    }

    /** Doughnut: where the answers came from. */
    static String answersByTier(UsageSummary summary) {
        DoughnutDataset dataset = new DoughnutDataset();
        DoughnutData data = new DoughnutData();
        for (Tier tier : Tier.values()) {
            data.addLabel(label(tier));
            dataset.addData(summary.answeredByTier().get(tier).stream().mapToLong(Long::longValue).sum());
            dataset.addBackgroundColor(TIER_COLORS.get(tier));
        }
        data.addDataset(dataset);
        DoughnutOptions options = new DoughnutOptions().setResponsive(true).setMaintainAspectRatio(false)
                .setAnimation(false)
                .setPlugins(new Plugins().setLegend(new LegendOptions().setPosition("bottom")));
        return new DoughnutChart(data, options).toJson();
    }

    /** Grouped bars: median and 95th percentile latency per backend, in milliseconds. */
    static String latency(List<BackendLatency> latencies) {
        BarData data = new BarData().setLabels(latencies.stream().map(BackendLatency::backend).toList())
                .addDataset(new BarDataset().setLabel("p50 ms").setBackgroundColor("#3b82f6")
                        .setData(latencies.stream().map(l -> (Number) Math.round(l.p50Millis())).toList()))
                .addDataset(new BarDataset().setLabel("p95 ms").setBackgroundColor("#f5a524")
                        .setData(latencies.stream().map(l -> (Number) Math.round(l.p95Millis())).toList()));
        return new BarChart(data, barOptions(false, "milliseconds")).toJson();
    }

    /** Horizontal stacked bars: calls in flight and waiting at each local backend. */
    static String localQueues(List<BackendLoad> loads) {
        BarData data = new BarData().setLabels(loads.stream().map(BackendLoad::backend).toList())
                .addDataset(new BarDataset().setLabel("in flight").setBackgroundColor("#3b82f6")
                        .setData(loads.stream().map(l -> (Number) l.inFlight()).toList()))
                .addDataset(new BarDataset().setLabel("waiting").setBackgroundColor("#f5a524")
                        .setData(loads.stream().map(l -> (Number) l.waiting()).toList()));
        return new BarChart(data, barOptions(true, "calls", true)).toJson();
    }

    /** Horizontal bars per tenant: share of the budget used against share of its period gone, in percent. */
    static String budgetBurn(List<BudgetStanding> budgets) {
        BarData data = new BarData().setLabels(budgets.stream().map(BudgetStanding::getTenant).toList())
                .addDataset(new BarDataset().setLabel("budget used %").setBackgroundColor("#e5484d")
                        .setData(budgets.stream().map(b -> (Number) b.getUsedPercent()).toList()))
                .addDataset(new BarDataset().setLabel("period elapsed %").setBackgroundColor("#94a3b8")
                        .setData(budgets.stream().map(b -> (Number) b.getElapsedPercent()).toList()));
        return new BarChart(data, barOptions(false, "percent", true)).toJson();
    }

    static List<String> labels(ReportWindow window, List<Instant> buckets) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(switch (window) {
            case HOUR, DAY -> "HH:mm";
            case WEEK -> "MMM d HH:mm";
            case MONTH -> "MMM d";
        }).withZone(ZoneOffset.UTC);
        return buckets.stream().map(format::format).toList();
    }

    private static String label(Tier tier) {
        return tier.name().toLowerCase();
    }

    private static BarDataset bars(String label, String color, List<Long> values) {
        return new BarDataset().setLabel(label).setBackgroundColor(color)
                .setData(values.stream().map(v -> (Number) v).toList());
    }

    private static LineDataset line(String label, String color, List<Long> micros, boolean inMicros) {
        return new LineDataset().setLabel(label).setBorderColor(color).setBackgroundColor(color).setTension(0.25)
                .setData(micros.stream().map(v -> inMicros ? (Number) v : (Number) Money.dollars(v)).toList());
    }

    private static BarOptions barOptions(boolean stacked, String valueAxis) {
        return barOptions(stacked, valueAxis, false);
    }

    /** Vertical bars count up the y axis; horizontal ones ({@code indexAxis: y}) along x. */
    private static BarOptions barOptions(boolean stacked, String valueAxis, boolean horizontal) {
        BarOptions options = new BarOptions().setResponsive(true).setMaintainAspectRatio(false).setAnimation(false)
                .setPlugins(new Plugins().setLegend(new LegendOptions().setPosition("bottom")))
                .setScales(new Scales()
                        .addScale(horizontal ? Scales.ScaleAxis.Y : Scales.ScaleAxis.X,
                                new LinearScaleOptions().setStacked(stacked).setType("category"))
                        .addScale(horizontal ? Scales.ScaleAxis.X : Scales.ScaleAxis.Y,
                                new LinearScaleOptions().setStacked(stacked).setBeginAtZero(true)
                                        .setTitle(new AbstractCartesianScaleOptions.Title().setDisplay(true)
                                                .setText(valueAxis))));
        return horizontal ? options.setIndexAxis(IndexAxis.Y) : options;
    }
}
