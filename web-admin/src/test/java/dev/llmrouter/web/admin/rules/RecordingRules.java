package dev.llmrouter.web.admin.rules;

import dev.llmrouter.admin.InvalidSettingException;
import dev.llmrouter.admin.UnknownObjectException;
import dev.llmrouter.route.admin.RuleAdministration;
import dev.llmrouter.route.admin.RuleSpec;
import dev.llmrouter.route.policy.RoutingRule;
import dev.llmrouter.route.policy.RuleAction;
import dev.llmrouter.route.policy.RuleCondition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Rules held in memory; records every write with its actor, checks specs with the engine's own parsers. */
class RecordingRules extends RuleAdministration {

    final List<RoutingRule> stored = new ArrayList<>();
    final List<String> calls = new ArrayList<>();

    RecordingRules add(long id, Long tenantId, String name, int priority, boolean enabled) {
        stored.add(new RoutingRule(id, tenantId, name, null, priority, RuleCondition.ALWAYS,
                new RuleAction(RuleAction.Type.DISABLE_CACHE, null, null, null), enabled, null));
        return this;
    }

    @Override
    public List<RoutingRule> list() {
        return stored.stream().sorted(Comparator.comparingInt(RoutingRule::priority).thenComparingLong(RoutingRule::id))
                .toList();
    }

    @Override
    public RoutingRule get(long id) {
        return stored.stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new UnknownObjectException("id", "No routing rule " + id + "."));
    }

    @Override
    public RoutingRule create(String actor, RuleSpec spec) {
        RoutingRule rule = validate(stored.size() + 100, spec);
        calls.add("create " + actor + " " + spec.name());
        stored.add(rule);
        return rule;
    }

    @Override
    public RoutingRule update(String actor, long id, RuleSpec spec) {
        get(id);
        RoutingRule rule = validate(id, spec);
        calls.add("update " + actor + " " + id + " priority " + spec.priority());
        stored.replaceAll(r -> r.id() == id ? rule : r);
        return rule;
    }

    @Override
    public void reprioritise(String actor, java.util.Map<Long, Integer> priorities) {
        StringBuilder call = new StringBuilder("reprioritise " + actor);
        priorities.forEach((id, priority) -> {
            RoutingRule r = get(id);
            call.append(' ').append(id).append('=').append(priority);
            RoutingRule changed = r.withPriority(priority);
            stored.replaceAll(s -> s.id() == id ? changed : s);
        });
        calls.add(call.toString());
    }

    @Override
    public RoutingRule setEnabled(String actor, long id, boolean enabled) {
        RoutingRule r = get(id);
        calls.add((enabled ? "enable " : "disable ") + actor + " " + id);
        RoutingRule changed = r.withEnabled(enabled);
        stored.replaceAll(s -> s.id() == id ? changed : s);
        return changed;
    }

    @Override
    public void delete(String actor, long id) {
        get(id);
        calls.add("delete " + actor + " " + id);
        stored.removeIf(r -> r.id() == id);
    }

    @Override
    public RoutingRule validate(long id, RuleSpec spec) {
        if (spec.name() == null) {
            throw new InvalidSettingException("name", "'name' must be 1 to 64 letters.");
        }
        if (spec.action() == null) {
            throw new InvalidSettingException("action", "'action' is required.");
        }
        return new RoutingRule(id, spec.tenantId(), spec.name(), spec.description(),
                spec.priority() == null ? 100 : spec.priority(), RuleCondition.parse(spec.condition()),
                RuleAction.parse(spec.action()), spec.enabled() == null || spec.enabled(), null);
    }
}
