package dev.llmrouter.route.policy;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When a rule applies; every part that is set must hold (an empty condition always holds). The tenant is
 * not part of it: a rule belongs to one tenant or to all.
 *
 * <p>JSON: {@code {"model": "auto", "categories": ["code", "math"], "min_prompt_tokens": 1,
 * "max_prompt_tokens": 4000, "header": "x-team", "header_value": "search"}}. Without {@code header_value},
 * the header only has to be present.
 */
public record RuleCondition(String model, List<String> categories, Integer minPromptTokens, Integer maxPromptTokens,
                            String header, String headerValue) implements Serializable {

    public static final RuleCondition ALWAYS = new RuleCondition(null, List.of(), null, null, null, null);

    /** The categories the classifier names. */
    public static final Set<String> CATEGORIES = Set.of("code", "math", "reasoning", "writing", "knowledge", "chat");

    private static final Set<String> FIELDS = Set.of("model", "categories", "min_prompt_tokens", "max_prompt_tokens",
            "header", "header_value");

    public RuleCondition {
        categories = categories == null ? List.of() : List.copyOf(categories);
        header = header == null ? null : header.toLowerCase(Locale.ROOT);
    }

    public boolean matches(RuleSubject subject) {
        return (model == null || model.equals(subject.model()))
                && (categories.isEmpty() || categories.contains(subject.category()))
                && (minPromptTokens == null || subject.promptTokens() >= minPromptTokens)
                && (maxPromptTokens == null || subject.promptTokens() <= maxPromptTokens)
                && (header == null || headerMatches(subject.header(header)));
    }

    private boolean headerMatches(String value) {
        return value != null && (headerValue == null || headerValue.equals(value));
    }

    public static RuleCondition parse(JsonObject json) {
        for (String field : json.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new InvalidRuleException("condition." + field, "Unknown condition field '" + field
                        + "'; use " + String.join(", ", FIELDS.stream().sorted().toList()) + ".");
            }
        }
        List<String> categories = new ArrayList<>();
        JsonValue listed = json.get("categories");
        if (listed != null && listed.getValueType() != JsonValue.ValueType.NULL) {
            if (listed.getValueType() != JsonValue.ValueType.ARRAY) {
                throw new InvalidRuleException("condition.categories", "'categories' must be an array of names.");
            }
            for (JsonValue v : listed.asJsonArray()) {
                if (!(v instanceof JsonString s) || !CATEGORIES.contains(s.getString())) {
                    throw new InvalidRuleException("condition.categories", "Each category must be one of "
                            + String.join(", ", CATEGORIES.stream().sorted().toList()) + ".");
                }
                categories.add(s.getString());
            }
        }
        Integer min = tokens(json, "min_prompt_tokens");
        Integer max = tokens(json, "max_prompt_tokens");
        if (min != null && max != null && min > max) {
            throw new InvalidRuleException("condition.min_prompt_tokens",
                    "'min_prompt_tokens' must not exceed 'max_prompt_tokens'.");
        }
        String header = text(json, "header");
        if (header != null && !header.matches("[A-Za-z0-9-]{1,64}")) {
            throw new InvalidRuleException("condition.header", "'header' must be an HTTP header name.");
        }
        String headerValue = text(json, "header_value");
        if (headerValue != null && header == null) {
            throw new InvalidRuleException("condition.header_value", "'header_value' needs 'header'.");
        }
        return new RuleCondition(text(json, "model"), categories, min, max, header, headerValue);
    }

    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (model != null) {
            b.add("model", model);
        }
        if (!categories.isEmpty()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            categories.forEach(list::add);
            b.add("categories", list);
        }
        if (minPromptTokens != null) {
            b.add("min_prompt_tokens", minPromptTokens);
        }
        if (maxPromptTokens != null) {
            b.add("max_prompt_tokens", maxPromptTokens);
        }
        if (header != null) {
            b.add("header", header);
        }
        if (headerValue != null) {
            b.add("header_value", headerValue);
        }
        return b.build();
    }

    /** In words, for lists and receipts. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (model != null) {
            parts.add("model " + model);
        }
        if (!categories.isEmpty()) {
            parts.add("category " + String.join(" or ", categories));
        }
        if (minPromptTokens != null) {
            parts.add("at least " + minPromptTokens + " prompt tokens");
        }
        if (maxPromptTokens != null) {
            parts.add("at most " + maxPromptTokens + " prompt tokens");
        }
        if (header != null) {
            parts.add(headerValue == null ? "header " + header + " present" : header + ": " + headerValue);
        }
        return parts.isEmpty() ? "every request" : String.join(", ", parts);
    }

    static String text(JsonObject json, String field) {
        JsonValue v = json.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(v instanceof JsonString s) || s.getString().isBlank() || s.getString().length() > 200) {
            throw new InvalidRuleException(field, "'" + field + "' must be a non-empty string of at most 200 characters.");
        }
        return s.getString();
    }

    private static Integer tokens(JsonObject json, String field) {
        JsonValue v = json.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 0 || n.longValue() > 10_000_000) {
            throw new InvalidRuleException("condition." + field, "'" + field + "' must be a whole number from 0.");
        }
        return n.intValue();
    }
}
