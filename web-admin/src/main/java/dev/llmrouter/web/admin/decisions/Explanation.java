package dev.llmrouter.web.admin.decisions;

import dev.llmrouter.route.DecisionJson;
import dev.llmrouter.route.RoutingDecision;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A routing decision as the console shows it, read from its {@code DecisionJson}: the same JSON whether
 * it was just previewed or recorded with a request, so both pages render it the same way.
 */
public class Explanation implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String cacheStatus;
    private final String cachedModel;
    private final String reason;
    private final List<String> plan = new ArrayList<>();
    private final List<String> planTiers = new ArrayList<>();
    private final String category;
    private final String difficulty;
    private final Integer promptTokens;
    private final String slaPolicy;
    private final List<String> rules = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<CandidateRow> ranking = new ArrayList<>();

    Explanation(JsonObject json) {
        JsonObject cache = json.containsKey("cache") ? json.getJsonObject("cache") : JsonValue.EMPTY_JSON_OBJECT;
        cacheStatus = cache.getString("status", "");
        cachedModel = cache.getString("model", null);
        reason = json.getString("reason", "");
        for (JsonValue c : array(json, "candidates")) {
            plan.add(c.asJsonObject().getString("model", ""));
            planTiers.add(c.asJsonObject().getString("tier", "").toUpperCase(Locale.ROOT));
        }
        JsonObject prompt = json.containsKey("prompt") ? json.getJsonObject("prompt") : null;
        category = prompt == null ? "" : prompt.getString("category", "");
        difficulty = prompt == null ? "" : CandidateRow.number(prompt, "difficulty");
        promptTokens = prompt == null || !prompt.containsKey("prompt_tokens") ? null
                : prompt.getJsonNumber("prompt_tokens").intValue();
        JsonObject sla = json.containsKey("sla") ? json.getJsonObject("sla") : null;
        slaPolicy = sla == null ? null : sla.getString("policy", "router defaults");
        strings(json, "rules", rules);
        strings(json, "notes", notes);
        for (JsonValue score : array(json, "ranking")) {
            ranking.add(new CandidateRow(score.asJsonObject()));
        }
    }

    /** A stored decision's ranking JSON. */
    public static Explanation parse(String rankingJson) {
        try {
            return new Explanation(Json.createReader(new StringReader(rankingJson)).readObject());
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw new IllegalArgumentException("not a decision's JSON", e);
        }
    }

    /** A decision just made (a preview), through the same JSON the stored ones have. */
    public static Explanation of(RoutingDecision decision) {
        return new Explanation(DecisionJson.of(decision).build());
    }

    private static JsonArray array(JsonObject json, String field) {
        JsonValue v = json.get(field);
        return v instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
    }

    private static void strings(JsonObject json, String field, List<String> into) {
        for (JsonValue v : array(json, field)) {
            if (v instanceof JsonString s) {
                into.add(s.getString());
            }
        }
    }

    /** Whether the cache would answer (or answered) instead of a backend. */
    public boolean isFromCache() {
        return cachedModel != null;
    }

    /** The model that answers first: the cached answer's model, or the first candidate. */
    public String getFirstModel() {
        if (cachedModel != null) {
            return cachedModel;
        }
        return plan.isEmpty() ? "none" : plan.get(0);
    }

    /** CACHE, LOCAL, CLOUD, or "" without a candidate. */
    public String getFirstTier() {
        if (cachedModel != null) {
            return "CACHE";
        }
        return planTiers.isEmpty() ? "" : planTiers.get(0);
    }

    /** "HIT (sim-local)", "MISS", "BYPASS"... */
    public String getCacheVerdict() {
        return cachedModel == null ? cacheStatus : cacheStatus + " (" + cachedModel + ")";
    }

    public String getReason() {
        return reason;
    }

    /** "sim-local, then sim-cloud, then sim-anthropic" */
    public String getPlan() {
        return plan.isEmpty() ? (cachedModel == null ? "no candidate" : "answered from the cache")
                : plan.stream().collect(Collectors.joining(", then "));
    }

    public List<String> getCandidates() {
        return List.copyOf(plan);
    }

    public String getCategory() {
        return category;
    }

    public String getDifficulty() {
        return difficulty;
    }

    public Integer getPromptTokens() {
        return promptTokens;
    }

    /** The SLA policy's name, "router defaults", or null when nothing was ranked (a cache hit). */
    public String getSlaPolicy() {
        return slaPolicy;
    }

    /** The rules that matched, in words. */
    public List<String> getRules() {
        return List.copyOf(rules);
    }

    public List<String> getNotes() {
        return List.copyOf(notes);
    }

    /** Every candidate, eligible ones first in the order they would be tried, then the excluded ones. */
    public List<CandidateRow> getRanking() {
        return List.copyOf(ranking);
    }

    /** The same plan and the same cache verdict. */
    public boolean samePlanAs(Explanation other) {
        return other != null && plan.equals(other.plan) && Objects.equals(cachedModel, other.cachedModel);
    }
}
