package dev.llmrouter.route.admin;

import dev.llmrouter.admin.AdminAccounts;
import dev.llmrouter.admin.AdminTransaction;
import dev.llmrouter.admin.DuplicateNameException;
import dev.llmrouter.admin.InvalidSettingException;
import dev.llmrouter.admin.UnknownObjectException;
import dev.llmrouter.audit.AuditTrail;
import dev.llmrouter.backend.BackendRegistry;
import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.persistence.NameTakenException;
import dev.llmrouter.persistence.RoutingRules;
import dev.llmrouter.persistence.StoredRoutingRule;
import dev.llmrouter.persistence.Tenants;
import dev.llmrouter.route.policy.RoutingRule;
import dev.llmrouter.route.policy.RuleAction;
import dev.llmrouter.route.policy.RuleBook;
import dev.llmrouter.route.policy.RuleCondition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Routing rules: listed for viewers, written by admins. A rule is checked before it is stored (its
 * condition and action parse, its tenant exists, the backend it names is routable), every write is
 * audited in the same transaction, and this instance reads the rules again at once; others within
 * {@code router.rules.refresh-ms}.
 */
@ApplicationScoped
public class RuleAdministration {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._:-]{0,63}");
    static final int MAX_PRIORITY = 1_000_000;

    @Inject
    RoutingRules rules;

    @Inject
    RuleBook book;

    @Inject
    Tenants tenants;

    @Inject
    BackendRegistry registry;

    @Inject
    AdminAccounts accounts;

    @Inject
    AdminTransaction transaction;

    @Inject
    AuditTrail audit;

    /** Every rule, enabled or not, in the order they run; rows that no longer parse are left out. */
    public List<RoutingRule> list() {
        List<RoutingRule> parsed = new ArrayList<>();
        for (StoredRoutingRule stored : rules.all()) {
            try {
                parsed.add(RoutingRule.from(stored));
            } catch (InvalidSettingException unreadable) {
                // RuleBook logs it; an operator fixes or deletes it by id.
            }
        }
        return parsed;
    }

    public RoutingRule get(long id) {
        return RoutingRule.from(rules.find(id).orElseThrow(() -> unknown(id)));
    }

    public RoutingRule create(String actor, RuleSpec spec) {
        accounts.requireAdmin(actor);
        RoutingRule rule = validate(0, spec);
        return write(actor, "rule.create", () -> rules.create(rule.toStored()));
    }

    public RoutingRule update(String actor, long id, RuleSpec spec) {
        accounts.requireAdmin(actor);
        get(id);
        RoutingRule rule = validate(id, spec);
        return write(actor, "rule.update", () -> rules.update(rule.toStored()).orElseThrow(() -> unknown(id)));
    }

    public RoutingRule setEnabled(String actor, long id, boolean enabled) {
        accounts.requireAdmin(actor);
        RoutingRule current = get(id);
        RoutingRule changed = current.withEnabled(enabled);
        return write(actor, enabled ? "rule.enable" : "rule.disable",
                () -> rules.update(changed.toStored()).orElseThrow(() -> unknown(id)));
    }

    /**
     * New priorities for several rules at once, as a move in the list needs: every rule is rewritten and
     * audited in one transaction, or none is.
     */
    public void reprioritise(String actor, Map<Long, Integer> priorities) {
        accounts.requireAdmin(actor);
        for (int priority : priorities.values()) {
            if (priority < 0 || priority > MAX_PRIORITY) {
                throw new InvalidSettingException("priority", "'priority' must be from 0 to " + MAX_PRIORITY + ".");
            }
        }
        List<RoutingRule> moved = new ArrayList<>();
        for (Map.Entry<Long, Integer> e : priorities.entrySet()) {
            RoutingRule current = get(e.getKey());
            moved.add(current.withPriority(e.getValue()));
        }
        transaction.run(() -> {
            for (RoutingRule rule : moved) {
                RoutingRule written = RoutingRule.from(rules.update(rule.toStored())
                        .orElseThrow(() -> unknown(rule.id())));
                audit.record(actor, "rule.reorder", "rule:" + written.id(), detail(written));
            }
            return null;
        });
        book.invalidate();
    }

    public void delete(String actor, long id) {
        accounts.requireAdmin(actor);
        RoutingRule current = get(id);
        transaction.run(() -> {
            rules.delete(id);
            audit.record(actor, "rule.delete", "rule:" + id, Json.createObjectBuilder().add("name", current.name())
                    .build());
            return null;
        });
        book.invalidate();
    }

    /** Checks a spec and turns it into the rule it describes; {@code id} 0 for a new rule. */
    public RoutingRule validate(long id, RuleSpec spec) {
        if (spec == null) {
            throw new InvalidSettingException(null, "A rule needs 'name' and 'action'.");
        }
        if (spec.name() == null || !NAME.matcher(spec.name()).matches()) {
            throw new InvalidSettingException("name",
                    "'name' must be 1 to 64 letters, digits, spaces or . _ : - characters.");
        }
        boolean taken = rules.all().stream().anyMatch(r -> r.name().equals(spec.name()) && r.id() != id);
        if (taken) {
            throw new DuplicateNameException("name", "Another rule is already named '" + spec.name() + "'.");
        }
        int priority = spec.priority() == null ? 100 : spec.priority();
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw new InvalidSettingException("priority", "'priority' must be from 0 to " + MAX_PRIORITY + ".");
        }
        if (spec.description() != null && spec.description().length() > 500) {
            throw new InvalidSettingException("description", "'description' is longer than 500 characters.");
        }
        if (spec.tenantId() != null && tenants.findById(spec.tenantId()).isEmpty()) {
            throw new InvalidSettingException("tenant_id", "No tenant " + spec.tenantId() + ".");
        }
        if (spec.action() == null) {
            throw new InvalidSettingException("action", "'action' is required.");
        }
        RuleCondition condition = spec.condition() == null ? RuleCondition.ALWAYS : RuleCondition.parse(spec.condition());
        if (condition.model() != null && !ChatRequest.AUTO.equals(condition.model())
                && registry.find(condition.model()).isEmpty()) {
            throw new InvalidSettingException("condition.model", "No model '" + condition.model()
                    + "'; use 'auto' or a model id of GET /v1/models.");
        }
        RuleAction action = RuleAction.parse(spec.action());
        if (action.backend() != null && registry.find(action.backend()).isEmpty()) {
            throw new InvalidSettingException("action.backend", "No backend '" + action.backend()
                    + "'; use a model id of GET /v1/models.");
        }
        return new RoutingRule(id, spec.tenantId(), spec.name(), spec.description(), priority, condition, action,
                spec.enabled() == null || spec.enabled(), null);
    }

    private RoutingRule write(String actor, String action, Supplier<StoredRoutingRule> change) {
        RoutingRule written;
        try {
            written = transaction.run(() -> {
                RoutingRule rule = RoutingRule.from(change.get());
                audit.record(actor, action, "rule:" + rule.id(), detail(rule));
                return rule;
            });
        } catch (NameTakenException e) {
            throw new DuplicateNameException("name", "Another rule already has this name.");
        }
        book.invalidate();
        return written;
    }

    private static JsonObject detail(RoutingRule rule) {
        var b = Json.createObjectBuilder().add("name", rule.name()).add("priority", rule.priority())
                .add("condition", rule.condition().toJson()).add("action", rule.action().toJson())
                .add("enabled", rule.enabled());
        if (rule.tenantId() != null) {
            b.add("tenant_id", rule.tenantId());
        }
        return b.build();
    }

    private static UnknownObjectException unknown(long id) {
        return new UnknownObjectException("id", "No routing rule " + id + ".");
    }
}
