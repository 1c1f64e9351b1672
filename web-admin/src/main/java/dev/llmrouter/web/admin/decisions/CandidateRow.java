package dev.llmrouter.web.admin.decisions;

import dev.llmrouter.web.admin.Money;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.Locale;

/**
 * One candidate of an explanation's ranking, read from the {@code DecisionJson} of a decision: each term
 * of its utility and, when it is not tried, why.
 */
public class CandidateRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String model;
    private final String tier;
    private final boolean eligible;
    private final String exclusion;
    private final String excludedBecause;
    private final String utility;
    private final String quality;
    private final String qualityBasis;
    private final long costMicros;
    private final String costPenalty;
    private final long latencyMs;
    private final String target;
    private final String latencyPenalty;

    CandidateRow(JsonObject json) {
        model = json.getString("model", "");
        tier = json.getString("tier", "").toUpperCase(Locale.ROOT);
        eligible = json.getBoolean("eligible", true);
        exclusion = json.getString("excluded", null);
        excludedBecause = json.getString("excluded_because", null);
        utility = number(json, "utility");
        quality = number(json, "quality");
        qualityBasis = json.getString("quality_basis", "");
        costMicros = json.containsKey("cost_micros") ? json.getJsonNumber("cost_micros").longValue() : 0;
        costPenalty = number(json, "cost_penalty");
        latencyMs = json.containsKey("latency_ms") ? json.getJsonNumber("latency_ms").longValue() : 0;
        target = json.containsKey("target_ms") ? json.getJsonNumber("target_ms").longValue() + " ms" : "";
        latencyPenalty = number(json, "latency_penalty");
    }

    /** A number as the JSON holds it (rounded to four places by DecisionJson); "" when absent. */
    static String number(JsonObject json, String field) {
        JsonValue v = json.get(field);
        return v instanceof JsonNumber n ? n.bigDecimalValue().toPlainString() : "";
    }

    public String getModel() {
        return model;
    }

    public String getTier() {
        return tier;
    }

    public boolean isEligible() {
        return eligible;
    }

    /** "rule", "budget", ... or null when it is a candidate. */
    public String getExclusion() {
        return exclusion;
    }

    public String getExcludedBecause() {
        return excludedBecause;
    }

    public String getUtility() {
        return utility;
    }

    public String getQuality() {
        return quality;
    }

    public String getQualityBasis() {
        return qualityBasis;
    }

    public String getCost() {
        return Money.usd(costMicros);
    }

    public String getCostPenalty() {
        return costPenalty;
    }

    public long getLatencyMs() {
        return latencyMs;
    }

    /** The SLA's latency target it was judged against, or "". */
    public String getTarget() {
        return target;
    }

    public String getLatencyPenalty() {
        return latencyPenalty;
    }
}
