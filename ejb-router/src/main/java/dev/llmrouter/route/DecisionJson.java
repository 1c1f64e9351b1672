package dev.llmrouter.route;

import dev.llmrouter.route.policy.CandidateScore;
import dev.llmrouter.route.policy.LatencyPrediction;
import dev.llmrouter.route.policy.ServiceLevel;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A decision as JSON, the same for {@code POST /v1/route/explain}, the stored decision of every request and
 * the console: the plan, and every candidate with each term of its utility.
 */
public final class DecisionJson {

    private DecisionJson() {
    }

    public static JsonObjectBuilder of(RoutingDecision d) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        JsonObjectBuilder cache = Json.createObjectBuilder();
        putString(cache, "status", d.cacheStatus());
        putNumber(cache, "similarity", d.cacheSimilarity());
        if (d.cacheEntryId() != null) {
            cache.add("entry", d.cacheEntryId());
        }
        putString(cache, "model", d.cachedModel());
        json.add("cache", cache);
        json.add("reason", d.reason());
        JsonArrayBuilder plan = Json.createArrayBuilder();
        int rank = 1;
        for (RoutingDecision.Candidate c : d.candidates()) {
            plan.add(Json.createObjectBuilder().add("rank", rank++).add("model", c.model())
                    .add("tier", c.tier().name().toLowerCase(Locale.ROOT)).add("simulated", c.simulated()));
        }
        json.add("candidates", plan);
        RoutingDecision.Analysis a = d.analysis();
        if (a == null) {
            return json;
        }
        json.add("prompt", Json.createObjectBuilder().add("category", a.category())
                .add("difficulty", round(a.difficulty(), 4)).add("prompt_tokens", a.promptTokens()));
        json.add("sla", sla(a.serviceLevel()));
        json.add("weights", Json.createObjectBuilder().add("cost_per_usd", round(a.weights().costPerUsd(), 4))
                .add("sla_per_second", round(a.weights().slaPerSecond(), 4)));
        putString(json, "budget_pacing", a.pacing());
        JsonArrayBuilder rules = Json.createArrayBuilder();
        a.rules().forEach(rules::add);
        json.add("rules", rules);
        JsonArrayBuilder notes = Json.createArrayBuilder();
        a.ranking().notes().forEach(notes::add);
        json.add("notes", notes);
        JsonArrayBuilder ranking = Json.createArrayBuilder();
        for (CandidateScore s : a.ranking().scores()) {
            ranking.add(score(s));
        }
        json.add("ranking", ranking);
        return json;
    }

    static JsonObjectBuilder score(CandidateScore s) {
        LatencyPrediction l = s.latency();
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("model", s.backend())
                .add("tier", s.tier().name().toLowerCase(Locale.ROOT))
                .add("simulated", s.simulated())
                .add("eligible", s.eligible());
        if (!s.eligible()) {
            b.add("excluded", s.exclusion().name().toLowerCase(Locale.ROOT)).add("excluded_because", s.excluded());
        }
        b.add("utility", round(s.utility(), 4))
                .add("quality", round(s.quality(), 4));
        putString(b, "quality_basis", s.qualityBasis());
        b.add("cost_micros", s.costMicros())
                .add("cost_usd", BigDecimal.valueOf(s.costMicros()).movePointLeft(6).toPlainString())
                .add("cost_penalty", round(s.costPenalty(), 4))
                .add("latency_ms", s.latencyMs())
                .add("latency", Json.createObjectBuilder().add("queue_ms", l.queueMs())
                        .add("cold_load_ms", l.coldLoadMs()).add("first_token_ms", l.firstTokenMs())
                        .add("generation_ms", l.generationMs()));
        if (s.targetMs() != null) {
            b.add("target_ms", s.targetMs());
        }
        return b.add("latency_penalty", round(s.latencyPenalty(), 4));
    }

    private static JsonObjectBuilder sla(ServiceLevel level) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        putString(b, "policy", level.policy());
        if (level.latencyTargetMs() != null) {
            b.add("latency_target_ms", level.latencyTargetMs());
        }
        if (level.deadlineMs() != null) {
            b.add("deadline_ms", level.deadlineMs());
        }
        if (level.maxCostMicros() != null) {
            b.add("max_cost_micros", level.maxCostMicros());
        }
        putNumber(b, "min_quality", level.minQuality());
        return b.add("cost_weight", round(level.costWeight(), 4));
    }

    private static void putString(JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }

    private static void putNumber(JsonObjectBuilder b, String name, Double value) {
        if (value != null) {
            b.add(name, round(value, 4));
        }
    }

    private static BigDecimal round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
