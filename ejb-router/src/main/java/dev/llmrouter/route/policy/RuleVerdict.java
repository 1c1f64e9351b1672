package dev.llmrouter.route.policy;

import dev.llmrouter.chat.Tier;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the matching rules decided for one request, in priority order: the first force (of a tier or a
 * backend) wins and later ones are shadowed; every forbid holds; the first cache threshold wins; any rule
 * can switch the cache off.
 */
public final class RuleVerdict implements Serializable {

    public static final RuleVerdict NONE = new RuleVerdict();

    private final List<String> applied = new ArrayList<>();
    private RoutingRule force;
    private final Map<Tier, String> forbiddenTiers = new LinkedHashMap<>();
    private final Map<String, String> forbiddenBackends = new LinkedHashMap<>();
    private Double cacheThreshold;
    private String cacheDisabledBy;

    /** Applies every matching rule of {@code rules} (sorted by priority) to the subject. */
    public static RuleVerdict of(List<RoutingRule> rules, RuleSubject subject) {
        RuleVerdict v = new RuleVerdict();
        for (RoutingRule rule : rules) {
            if (rule.appliesTo(subject)) {
                v.apply(rule);
            }
        }
        return v;
    }

    private void apply(RoutingRule rule) {
        RuleAction a = rule.action();
        String name = "'" + rule.name() + "'";
        boolean used = switch (a.type()) {
            case FORCE_TIER, FORCE_BACKEND -> {
                if (force != null) {
                    yield false;
                }
                force = rule;
                yield true;
            }
            case FORBID_TIER -> forbiddenTiers.putIfAbsent(a.tier(), name) == null;
            case FORBID_BACKEND -> forbiddenBackends.putIfAbsent(a.backend(), name) == null;
            case SET_CACHE_THRESHOLD -> {
                if (cacheThreshold != null) {
                    yield false;
                }
                cacheThreshold = a.threshold();
                yield true;
            }
            case DISABLE_CACHE -> {
                if (cacheDisabledBy == null) {
                    cacheDisabledBy = name;
                }
                yield true;
            }
        };
        applied.add(rule.name() + (used ? "" : " (shadowed)"));
    }

    /** The names of the rules that matched, in order; a rule overridden by an earlier one says so. */
    public List<String> applied() {
        return List.copyOf(applied);
    }

    /** Why the rules remove this backend, or empty when they allow it. */
    public Optional<String> excludes(String backend, Tier tier) {
        if (forbiddenBackends.containsKey(backend)) {
            return Optional.of("forbidden by rule " + forbiddenBackends.get(backend));
        }
        if (forbiddenTiers.containsKey(tier)) {
            return Optional.of("tier forbidden by rule " + forbiddenTiers.get(tier));
        }
        if (force != null) {
            RuleAction a = force.action();
            boolean allowed = a.type() == RuleAction.Type.FORCE_TIER ? a.tier() == tier : a.backend().equals(backend);
            if (!allowed) {
                return Optional.of("rule '" + force.name() + "' allows " + a.describe());
            }
        }
        return Optional.empty();
    }

    public Optional<Double> cacheThreshold() {
        return Optional.ofNullable(cacheThreshold);
    }

    public boolean cacheDisabled() {
        return cacheDisabledBy != null;
    }
}
