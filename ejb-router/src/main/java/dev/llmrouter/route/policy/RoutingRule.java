package dev.llmrouter.route.policy;

import dev.llmrouter.persistence.StoredRoutingRule;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.io.StringReader;
import java.time.Instant;

/**
 * An admin-defined rule: for the tenant (or every tenant when {@code tenantId} is null), when the
 * condition holds, apply the action. Rules run in ascending priority; see {@link RuleVerdict}.
 */
public record RoutingRule(long id, Long tenantId, String name, String description, int priority,
                          RuleCondition condition, RuleAction action, boolean enabled, Instant updatedAt)
        implements Serializable {

    public boolean appliesTo(RuleSubject subject) {
        return enabled && (tenantId == null || tenantId == subject.tenantId()) && condition.matches(subject);
    }

    public static RoutingRule from(StoredRoutingRule stored) {
        return new RoutingRule(stored.id(), stored.tenantId(), stored.name(), stored.description(), stored.priority(),
                RuleCondition.parse(object(stored.conditionJson(), "condition")),
                RuleAction.parse(object(stored.actionJson(), "action")), stored.enabled(), stored.updatedAt());
    }

    public StoredRoutingRule toStored() {
        return new StoredRoutingRule(id, tenantId, name, description, priority, condition.toJson().toString(),
                action.toJson().toString(), enabled, updatedAt);
    }

    /** The same rule at another place in the order; when it was changed is the store's to say. */
    public RoutingRule withPriority(int newPriority) {
        return new RoutingRule(id, tenantId, name, description, newPriority, condition, action, enabled, null);
    }

    /** The same rule switched on or off; when it was changed is the store's to say. */
    public RoutingRule withEnabled(boolean on) {
        return new RoutingRule(id, tenantId, name, description, priority, condition, action, on, null);
    }

    /** "code prompts of team-a: only the cloud tier" */
    public String describe() {
        return condition.describe() + ": " + action.describe();
    }

    static JsonObject object(String json, String field) {
        try {
            return Json.createReader(new StringReader(json)).readObject();
        } catch (ClassCastException | jakarta.json.JsonException e) {
            throw new InvalidRuleException(field, "'" + field + "' must be a JSON object.");
        }
    }
}
