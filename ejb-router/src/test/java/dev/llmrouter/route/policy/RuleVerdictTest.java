package dev.llmrouter.route.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.chat.Tier;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleVerdictTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static RoutingRule rule(long id, Long tenant, int priority, String condition, String action) {
        return new RoutingRule(id, tenant, "r" + id, null, priority, RuleCondition.parse(json(condition)),
                RuleAction.parse(json(action)), true, null);
    }

    private static RuleSubject subject(long tenant, String category, int tokens, Map<String, String> headers) {
        return new RuleSubject(tenant, "auto", category, tokens, headers);
    }

    @Test
    void conditionsMustAllHold() {
        RuleCondition c = RuleCondition.parse(json("{\"model\":\"auto\",\"categories\":[\"code\",\"math\"],"
                + "\"min_prompt_tokens\":10,\"max_prompt_tokens\":100,\"header\":\"X-Team\",\"header_value\":\"search\"}"));

        assertTrue(c.matches(subject(1, "code", 50, Map.of("x-team", "search"))));
        assertFalse(c.matches(subject(1, "chat", 50, Map.of("x-team", "search"))));
        assertFalse(c.matches(subject(1, "code", 5, Map.of("x-team", "search"))));
        assertFalse(c.matches(subject(1, "code", 500, Map.of("x-team", "search"))));
        assertFalse(c.matches(subject(1, "code", 50, Map.of("x-team", "ads"))));
        assertFalse(c.matches(subject(1, "code", 50, Map.of())));
        assertTrue(RuleCondition.ALWAYS.matches(subject(1, "chat", 0, Map.of())));
    }

    @Test
    void theFirstForceWinsForbidsAccumulateAndTenantsStayApart() {
        List<RoutingRule> rules = List.of(
                rule(1, 7L, 10, "{}", "{\"type\":\"force_tier\",\"tier\":\"cloud\"}"),
                rule(2, null, 20, "{}", "{\"type\":\"force_tier\",\"tier\":\"local\"}"),
                rule(3, null, 30, "{}", "{\"type\":\"forbid_backend\",\"backend\":\"gpt\"}"),
                rule(4, null, 40, "{\"categories\":[\"code\"]}", "{\"type\":\"disable_cache\"}"));

        RuleVerdict tenant7 = RuleVerdict.of(rules, subject(7, "chat", 3, Map.of()));
        RuleVerdict other = RuleVerdict.of(rules, subject(8, "code", 3, Map.of()));

        assertEquals(List.of("r1", "r2 (shadowed)", "r3"), tenant7.applied());
        assertEquals(Optional.empty(), tenant7.excludes("claude", Tier.CLOUD));
        assertTrue(tenant7.excludes("llama", Tier.LOCAL).orElseThrow().contains("'r1'"));
        assertTrue(tenant7.excludes("gpt", Tier.CLOUD).orElseThrow().contains("forbidden"));
        assertFalse(tenant7.cacheDisabled());
        assertEquals(List.of("r2", "r3", "r4"), other.applied());
        assertTrue(other.excludes("claude", Tier.CLOUD).isPresent());
        assertTrue(other.cacheDisabled());
    }

    @Test
    void forceBackendAndCacheThreshold() {
        RuleVerdict v = RuleVerdict.of(List.of(
                rule(1, null, 1, "{}", "{\"type\":\"force_backend\",\"backend\":\"llama\"}"),
                rule(2, null, 2, "{}", "{\"type\":\"set_cache_threshold\",\"threshold\":0.95}"),
                rule(3, null, 3, "{}", "{\"type\":\"set_cache_threshold\",\"threshold\":0.2}")),
                subject(1, "chat", 1, Map.of()));

        assertTrue(v.excludes("llama", Tier.LOCAL).isEmpty());
        assertTrue(v.excludes("other-local", Tier.LOCAL).isPresent());
        assertEquals(Optional.of(0.95), v.cacheThreshold());
    }

    @Test
    void disabledRulesDoNothing() {
        RoutingRule off = new RoutingRule(1, null, "off", null, 1, RuleCondition.ALWAYS,
                RuleAction.parse(json("{\"type\":\"disable_cache\"}")), false, null);

        assertFalse(RuleVerdict.of(List.of(off), subject(1, "chat", 1, Map.of())).cacheDisabled());
    }

    @Test
    void badRulesAreRefusedNamingTheField() {
        assertEquals("action.type", assertThrows(InvalidRuleException.class,
                () -> RuleAction.parse(json("{\"type\":\"teleport\"}"))).param());
        assertEquals("action.tier", assertThrows(InvalidRuleException.class,
                () -> RuleAction.parse(json("{\"type\":\"force_tier\",\"tier\":\"cache\"}"))).param());
        assertEquals("action.threshold", assertThrows(InvalidRuleException.class,
                () -> RuleAction.parse(json("{\"type\":\"set_cache_threshold\",\"threshold\":2}"))).param());
        assertEquals("condition.categories", assertThrows(InvalidRuleException.class,
                () -> RuleCondition.parse(json("{\"categories\":[\"poetry\"]}"))).param());
        assertEquals("condition.colour", assertThrows(InvalidRuleException.class,
                () -> RuleCondition.parse(json("{\"colour\":\"red\"}"))).param());
        assertEquals("condition.min_prompt_tokens", assertThrows(InvalidRuleException.class,
                () -> RuleCondition.parse(json("{\"min_prompt_tokens\":9,\"max_prompt_tokens\":3}"))).param());
        assertEquals("condition.header_value", assertThrows(InvalidRuleException.class,
                () -> RuleCondition.parse(json("{\"header_value\":\"x\"}"))).param());
    }

    @Test
    void aRuleSurvivesStorageUnchanged() {
        RoutingRule r = rule(5, 3L, 40, "{\"categories\":[\"math\"],\"header\":\"x-a\"}",
                "{\"type\":\"forbid_tier\",\"tier\":\"local\"}");

        RoutingRule back = RoutingRule.from(r.toStored());

        assertEquals(r.condition(), back.condition());
        assertEquals(r.action(), back.action());
        assertEquals("category math, header x-a present: never the local tier", back.describe());
    }
}
