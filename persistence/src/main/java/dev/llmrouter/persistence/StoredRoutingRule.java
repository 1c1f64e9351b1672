package dev.llmrouter.persistence;

import java.time.Instant;
import java.util.Objects;

/**
 * A routing rule as {@code routing_rules} holds it. The condition and action are JSON documents the
 * router reads; storage does not interpret them. {@code tenantId} null: the rule applies to every tenant.
 * Rules run in ascending {@code priority}.
 */
public record StoredRoutingRule(long id, Long tenantId, String name, String description, int priority,
                                String conditionJson, String actionJson, boolean enabled, Instant updatedAt) {

    public StoredRoutingRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(conditionJson, "conditionJson");
        Objects.requireNonNull(actionJson, "actionJson");
    }
}
