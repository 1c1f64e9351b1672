package dev.llmrouter.web.admin.rules;

import dev.llmrouter.route.policy.RoutingRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moving a rule one place up or down in the order rules run (ascending priority, then id). Swapping the
 * two priorities is enough unless ties would keep the old order; then the whole list is renumbered in
 * steps of 10, writing only the rules whose priority changes.
 */
final class RuleOrder {

    static final int STEP = 10;

    private RuleOrder() {
    }

    /**
     * The new priorities (rule id to priority) that move the rule at {@code index} of {@code ordered} by
     * {@code offset} (-1 up, +1 down); empty when it cannot move.
     */
    static Map<Long, Integer> move(List<RoutingRule> ordered, int index, int offset) {
        int other = index + offset;
        if (index < 0 || index >= ordered.size() || other < 0 || other >= ordered.size()) {
            return Map.of();
        }
        List<RoutingRule> wanted = new ArrayList<>(ordered);
        wanted.set(index, ordered.get(other));
        wanted.set(other, ordered.get(index));

        Map<Long, Integer> swapped = new LinkedHashMap<>();
        swapped.put(ordered.get(index).id(), ordered.get(other).priority());
        swapped.put(ordered.get(other).id(), ordered.get(index).priority());
        if (runOrder(ordered, swapped).equals(ids(wanted))) {
            return swapped;
        }
        Map<Long, Integer> renumbered = new LinkedHashMap<>();
        for (int i = 0; i < wanted.size(); i++) {
            int priority = (i + 1) * STEP;
            if (wanted.get(i).priority() != priority) {
                renumbered.put(wanted.get(i).id(), priority);
            }
        }
        return renumbered;
    }

    private static List<Long> runOrder(List<RoutingRule> rules, Map<Long, Integer> priorities) {
        return rules.stream()
                .sorted(Comparator.<RoutingRule>comparingInt(r -> priorities.getOrDefault(r.id(), r.priority()))
                        .thenComparingLong(RoutingRule::id))
                .map(RoutingRule::id).toList();
    }

    private static List<Long> ids(List<RoutingRule> rules) {
        return rules.stream().map(RoutingRule::id).toList();
    }
}
