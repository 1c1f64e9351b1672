package dev.llmrouter.web.admin.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmrouter.route.policy.RoutingRule;
import dev.llmrouter.route.policy.RuleAction;
import dev.llmrouter.route.policy.RuleCondition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleOrderTest {

    static RoutingRule rule(long id, int priority) {
        return new RoutingRule(id, null, "r" + id, null, priority, RuleCondition.ALWAYS,
                new RuleAction(RuleAction.Type.DISABLE_CACHE, null, null, null), true, null);
    }

    @Test
    void distinctPrioritiesAreSwapped() {
        List<RoutingRule> ordered = List.of(rule(1, 10), rule(2, 50), rule(3, 70));

        assertEquals(Map.of(2L, 70, 3L, 50), RuleOrder.move(ordered, 1, 1));
        assertEquals(Map.of(1L, 50, 2L, 10), RuleOrder.move(ordered, 1, -1));
    }

    @Test
    void tiedPrioritiesAreRenumberedInTheNewOrderWritingOnlyWhatChanges() {
        // 2 and 3 tie at 20 and run by id: swapping their numbers changes nothing.
        List<RoutingRule> ordered = List.of(rule(1, 10), rule(2, 20), rule(3, 20), rule(4, 40));

        assertEquals(Map.of(2L, 30), RuleOrder.move(ordered, 2, -1));
    }

    @Test
    void aSwapThatATieWouldUndoRenumbersTheWholeList() {
        // Rule 9 taking priority 20 would run after rule 3 (same priority, lower id): two places, not one.
        List<RoutingRule> ordered = List.of(rule(9, 10), rule(2, 20), rule(3, 20));

        assertEquals(Map.of(2L, 10, 9L, 20, 3L, 30), RuleOrder.move(ordered, 0, 1));
    }

    @Test
    void theEndsDoNotMove() {
        List<RoutingRule> ordered = List.of(rule(1, 10), rule(2, 20));

        assertEquals(Map.of(), RuleOrder.move(ordered, 0, -1));
        assertEquals(Map.of(), RuleOrder.move(ordered, 1, 1));
        assertEquals(Map.of(), RuleOrder.move(ordered, -1, 1), "a rule that is no longer listed");
    }
}
