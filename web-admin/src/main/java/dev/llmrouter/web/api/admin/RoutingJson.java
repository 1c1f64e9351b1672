package dev.llmrouter.web.api.admin;

import dev.llmrouter.persistence.SlaPolicies;
import dev.llmrouter.persistence.SlaPolicy;
import dev.llmrouter.persistence.StoredDecision;
import dev.llmrouter.route.admin.RuleSpec;
import dev.llmrouter.route.admin.SlaSpec;
import dev.llmrouter.route.policy.RoutingRule;
import dev.llmrouter.web.api.JsonBodies;
import dev.llmrouter.web.api.error.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Set;

/** Routing rules, SLA policies and recorded decisions, to and from the admin API's JSON. */
final class RoutingJson {

    private static final Set<String> RULE_FIELDS = Set.of("name", "description", "tenant_id", "priority", "condition",
            "action", "enabled");
    private static final Set<String> SLA_FIELDS = Set.of("name", "description", "latency_target_ms", "max_cost_micros",
            "min_quality", "cost_weight");

    private RoutingJson() {
    }

    static RuleSpec ruleSpec(JsonObject json) {
        known(json, RULE_FIELDS);
        Long priority = JsonBodies.longValue(json, "priority").orElse(null);
        if (priority != null && (priority < Integer.MIN_VALUE || priority > Integer.MAX_VALUE)) {
            throw ApiException.invalid("priority", "'priority' is out of range.");
        }
        return new RuleSpec(JsonBodies.string(json, "name").orElse(null),
                JsonBodies.string(json, "description").orElse(null),
                JsonBodies.longValue(json, "tenant_id").orElse(null),
                priority == null ? null : priority.intValue(), object(json, "condition"), object(json, "action"),
                JsonBodies.booleanValue(json, "enabled").orElse(null));
    }

    static JsonObjectBuilder rule(RoutingRule r) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", r.id())
                .add("name", r.name())
                .add("priority", r.priority())
                .add("enabled", r.enabled())
                .add("condition", r.condition().toJson())
                .add("action", r.action().toJson())
                .add("summary", r.describe());
        if (r.tenantId() == null) {
            b.addNull("tenant_id");
        } else {
            b.add("tenant_id", r.tenantId());
        }
        if (r.description() != null) {
            b.add("description", r.description());
        }
        if (r.updatedAt() != null) {
            b.add("updated_at", r.updatedAt().toString());
        }
        return b;
    }

    static SlaSpec slaSpec(JsonObject json) {
        known(json, SLA_FIELDS);
        Long latency = JsonBodies.longValue(json, "latency_target_ms").orElse(null);
        if (latency != null && (latency < 1 || latency > Integer.MAX_VALUE)) {
            throw ApiException.invalid("latency_target_ms", "'latency_target_ms' is out of range.");
        }
        return new SlaSpec(JsonBodies.string(json, "name").orElse(null),
                JsonBodies.string(json, "description").orElse(null), latency == null ? null : latency.intValue(),
                JsonBodies.longValue(json, "max_cost_micros").orElse(null),
                JsonBodies.doubleValue(json, "min_quality").orElse(null),
                JsonBodies.doubleValue(json, "cost_weight").orElse(null));
    }

    static JsonObjectBuilder sla(SlaPolicy p, SlaPolicies.Followers followers) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", p.id())
                .add("name", p.name())
                .add("latency_target_ms", p.latencyTargetMs());
        nullable(b, "description", p.description());
        if (p.maxCostMicros() == null) {
            b.addNull("max_cost_micros");
        } else {
            b.add("max_cost_micros", p.maxCostMicros());
        }
        if (p.minQuality() == null) {
            b.addNull("min_quality");
        } else {
            b.add("min_quality", p.minQuality());
        }
        if (p.costWeight() == null) {
            b.addNull("cost_weight");
        } else {
            b.add("cost_weight", p.costWeight());
        }
        if (followers != null) {
            JsonArrayBuilder tenants = Json.createArrayBuilder();
            followers.tenants().forEach(tenants::add);
            JsonArrayBuilder keys = Json.createArrayBuilder();
            followers.apiKeys().forEach(keys::add);
            b.add("tenants", tenants).add("api_key_ids", keys);
        }
        return b.add("updated_at", p.updatedAt().toString());
    }

    /** A decision as listed; {@code full} adds its whole ranking. */
    static JsonObjectBuilder decision(StoredDecision d, boolean full) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", d.id())
                .add("request_id", d.requestId())
                .add("tenant_id", d.tenantId())
                .add("tenant", d.tenantName())
                .add("model", d.modelAlias())
                .add("tier", d.tier().toLowerCase())
                .add("outcome", d.outcome())
                .add("reason", d.reason())
                .add("created_at", d.createdAt().toString());
        nullable(b, "backend", d.backend());
        nullable(b, "category", d.category());
        nullable(b, "cache_status", d.cacheStatus());
        if (d.difficulty() != null) {
            b.add("difficulty", d.difficulty());
        }
        if (d.promptTokens() != null) {
            b.add("prompt_tokens", d.promptTokens());
        }
        if (d.feedbackScore() != null) {
            JsonObjectBuilder feedback = Json.createObjectBuilder().add("score", d.feedbackScore())
                    .add("at", d.feedbackAt().toString());
            nullable(feedback, "comment", d.feedbackComment());
            b.add("feedback", feedback);
        }
        if (full) {
            b.add("explanation", Json.createReader(new StringReader(d.rankingJson())).readObject());
        }
        return b;
    }

    private static void nullable(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }

    private static JsonObject object(JsonObject json, String field) {
        JsonValue v = json.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.invalid(field, "'" + field + "' must be a JSON object.");
        }
        return v.asJsonObject();
    }

    private static void known(JsonObject json, Set<String> fields) {
        for (String field : json.keySet()) {
            if (!fields.contains(field)) {
                throw ApiException.invalid(field, "Unknown field '" + field + "'.");
            }
        }
    }
}
