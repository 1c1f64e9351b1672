package dev.llmrouter.web.admin.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.chat.Tier;
import dev.llmrouter.route.admin.RuleSpec;
import dev.llmrouter.route.policy.RoutingRule;
import dev.llmrouter.route.policy.RuleAction;
import dev.llmrouter.route.policy.RuleCondition;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleFormTest {

    @Test
    void theBuilderWritesTheConditionAndActionTheEngineParses() {
        RuleForm form = new RuleForm();
        form.setName(" code to the cloud ");
        form.setTenantId(7L);
        form.setPriority(20);
        form.setModel("auto");
        form.setCategories(List.of("code", "math"));
        form.setMinPromptTokens(100);
        form.setMaxPromptTokens(4000);
        form.setHeader("x-team");
        form.setHeaderValue("search");
        form.setActionType("force_tier");
        form.setTier("cloud");
        form.setBackend("sim-local");
        form.setThreshold(0.5);

        RuleSpec spec = form.toSpec();

        assertEquals("code to the cloud", spec.name());
        assertEquals(7L, spec.tenantId());
        assertEquals(20, spec.priority());
        assertTrue(spec.enabled());
        assertEquals("{\"model\":\"auto\",\"categories\":[\"code\",\"math\"],\"min_prompt_tokens\":100,"
                + "\"max_prompt_tokens\":4000,\"header\":\"x-team\",\"header_value\":\"search\"}",
                spec.condition().toString());
        assertEquals("{\"type\":\"force_tier\",\"tier\":\"cloud\"}", spec.action().toString(),
                "only the field the action type uses");
        RuleCondition condition = RuleCondition.parse(spec.condition());
        RuleAction action = RuleAction.parse(spec.action());
        assertEquals("model auto, category code or math, at least 100 prompt tokens, at most 4000 prompt tokens, "
                + "x-team: search", condition.describe());
        assertEquals(Tier.CLOUD, action.tier());
    }

    @Test
    void blankFieldsAreLeftOutAndAnEmptyConditionHoldsAlways() {
        RuleForm form = new RuleForm();
        form.setModel("");
        form.setHeader(" ");
        form.setActionType("set_cache_threshold");
        form.setThreshold(0.9);

        RuleSpec spec = form.toSpec();

        assertEquals("{}", spec.condition().toString());
        assertEquals(RuleCondition.ALWAYS, RuleCondition.parse(spec.condition()));
        assertEquals("{\"type\":\"set_cache_threshold\",\"threshold\":0.9}", spec.action().toString());
        assertNull(spec.name());
        assertNull(spec.tenantId(), "all tenants");
    }

    @Test
    void anActionIsCompleteOnlyWithWhatItsTypeNeeds() {
        RuleForm form = new RuleForm();
        assertFalse(form.isActionComplete());
        assertNull(form.toSpec().action());
        form.setActionType("forbid_backend");
        assertFalse(form.isActionComplete());
        form.setBackend("sim-anthropic");
        assertTrue(form.isActionComplete());
        form.setActionType("forbid_tier");
        assertFalse(form.isActionComplete(), "a tier action needs a tier");
        form.setActionType("disable_cache");
        assertTrue(form.isActionComplete());
        assertEquals("{\"type\":\"disable_cache\"}", form.toSpec().action().toString());
    }

    @Test
    void aDraftWithoutANameCanStillBePreviewed() {
        RuleForm form = new RuleForm();
        form.setActionType("disable_cache");

        assertEquals("draft", form.toDraftSpec().name());
        form.setName("mine");
        assertEquals("mine", form.toDraftSpec().name());
    }

    @Test
    void aStoredRuleIsEditedWithTheSameSettings() {
        RoutingRule stored = new RoutingRule(5, 3L, "no anthropic for search", "why not", 40,
                new RuleCondition(null, List.of("writing"), null, 800, "x-team", null),
                new RuleAction(RuleAction.Type.FORBID_BACKEND, null, "sim-anthropic", null), false, null);

        RuleForm form = RuleForm.of(stored);
        RuleSpec spec = form.toSpec();

        assertEquals("forbid_backend", form.getActionType());
        assertTrue(form.isBackendAction());
        assertFalse(form.isEnabled());
        assertEquals(stored.condition(), RuleCondition.parse(spec.condition()));
        assertEquals(stored.action(), RuleAction.parse(spec.action()));
        assertEquals(new RuleSpec("no anthropic for search", "why not", 3L, 40, spec.condition(), spec.action(), false),
                spec);
    }
}
