package dev.llmrouter.route.admin;

import jakarta.json.JsonObject;

/** A rule as an operator writes it; null fields take their defaults (priority 100, enabled). */
public record RuleSpec(String name, String description, Long tenantId, Integer priority, JsonObject condition,
                       JsonObject action, Boolean enabled) {
}
