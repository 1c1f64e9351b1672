package dev.llmrouter.route.policy;

import dev.llmrouter.chat.Tier;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * What a rule does when its condition holds.
 *
 * <p>JSON: {@code {"type": "force_tier", "tier": "local"}}, {@code forbid_tier}, {@code {"type":
 * "force_backend", "backend": "llama3.2:3b"}}, {@code forbid_backend}, {@code {"type":
 * "set_cache_threshold", "threshold": 0.9}}, {@code {"type": "disable_cache"}}.
 */
public record RuleAction(Type type, Tier tier, String backend, Double threshold) implements Serializable {

    public enum Type {
        FORCE_TIER, FORBID_TIER, FORCE_BACKEND, FORBID_BACKEND, SET_CACHE_THRESHOLD, DISABLE_CACHE;

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Set<String> FIELDS = Set.of("type", "tier", "backend", "threshold");

    public static RuleAction parse(JsonObject json) {
        for (String field : json.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new InvalidRuleException("action." + field, "Unknown action field '" + field + "'.");
            }
        }
        String typeName = RuleCondition.text(json, "type");
        Type type = Arrays.stream(Type.values()).filter(t -> t.json().equals(typeName)).findFirst()
                .orElseThrow(() -> new InvalidRuleException("action.type", "'type' must be one of "
                        + String.join(", ", Arrays.stream(Type.values()).map(Type::json).toList()) + "."));
        return switch (type) {
            case FORCE_TIER, FORBID_TIER -> new RuleAction(type, tier(json), null, null);
            case FORCE_BACKEND, FORBID_BACKEND -> {
                String backend = RuleCondition.text(json, "backend");
                if (backend == null) {
                    throw new InvalidRuleException("action.backend", "'" + type.json() + "' needs 'backend'.");
                }
                yield new RuleAction(type, null, backend, null);
            }
            case SET_CACHE_THRESHOLD -> new RuleAction(type, null, null, threshold(json));
            case DISABLE_CACHE -> new RuleAction(type, null, null, null);
        };
    }

    private static Tier tier(JsonObject json) {
        String name = RuleCondition.text(json, "tier");
        if ("local".equals(name)) {
            return Tier.LOCAL;
        }
        if ("cloud".equals(name)) {
            return Tier.CLOUD;
        }
        throw new InvalidRuleException("action.tier", "'tier' must be 'local' or 'cloud'.");
    }

    private static Double threshold(JsonObject json) {
        JsonValue v = json.get("threshold");
        if (!(v instanceof JsonNumber n) || n.doubleValue() < 0 || n.doubleValue() > 1) {
            throw new InvalidRuleException("action.threshold", "'threshold' must be a number from 0 to 1.");
        }
        return n.doubleValue();
    }

    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", type.json());
        if (tier != null) {
            b.add("tier", tier.name().toLowerCase(Locale.ROOT));
        }
        if (backend != null) {
            b.add("backend", backend);
        }
        if (threshold != null) {
            b.add("threshold", threshold);
        }
        return b.build();
    }

    /** In words, for lists and receipts. */
    public String describe() {
        return switch (type) {
            case FORCE_TIER -> "only the " + tier.name().toLowerCase(Locale.ROOT) + " tier";
            case FORBID_TIER -> "never the " + tier.name().toLowerCase(Locale.ROOT) + " tier";
            case FORCE_BACKEND -> "only " + backend;
            case FORBID_BACKEND -> "never " + backend;
            case SET_CACHE_THRESHOLD -> String.format(Locale.ROOT, "cache threshold %.2f", threshold);
            case DISABLE_CACHE -> "no cache";
        };
    }
}
