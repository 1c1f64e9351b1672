package dev.llmrouter.web.admin.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.admin.UnknownObjectException;
import dev.llmrouter.route.admin.RulePreview;
import dev.llmrouter.route.policy.RoutingRule;
import dev.llmrouter.route.policy.RuleCondition;
import dev.llmrouter.web.admin.ConsoleUser;
import dev.llmrouter.web.admin.FakeSecurityContext;
import dev.llmrouter.web.admin.RecordingNotices;
import dev.llmrouter.web.admin.decisions.SampleDecisions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditRoutingRuleTest {

    /** Answers like the pipeline would: a draft forcing the cloud tier moves sim-local out; records the calls. */
    static class FakePreview extends RulePreview {
        final List<String> calls = new ArrayList<>();

        @Override
        public Comparison compare(long tenantId, String model, String prompt, RoutingRule draft) {
            if (tenantId == 404) {
                throw new UnknownObjectException("tenant", "No tenant 404.");
            }
            calls.add(tenantId + " " + model + " " + prompt + " " + (draft == null ? "-" : draft.id() + ":" + draft.describe()));
            boolean cloud = draft != null && draft.describe().endsWith("only the cloud tier");
            return new Comparison(SampleDecisions.localFirst(),
                    cloud ? SampleDecisions.cloudOnly() : SampleDecisions.localFirst());
        }
    }

    private final RecordingRules rules = new RecordingRules().add(4, 9L, "existing", 50, true);
    private final FakePreview preview = new FakePreview();
    private final RecordingNotices notices = new RecordingNotices();

    private EditRoutingRule page(String... roles) {
        EditRoutingRule page = new EditRoutingRule();
        page.rules = rules;
        page.preview = preview;
        page.notices = notices;
        page.user = FakeSecurityContext.user(notices, "erin", roles);
        return page;
    }

    @Test
    void thePreviewFollowsTheFormWithoutSavingAnything() {
        EditRoutingRule page = page(ConsoleUser.ADMIN);
        page.add();
        page.getForm().setTenantId(7L);
        page.setPrompt("What is the boiling point of water?");
        page.refreshPreview();

        assertEquals(7L, page.getPreviewTenantId(), "the rule's tenant is the sample's by default");
        assertEquals("sim-local", page.getNow().getFirstModel());
        assertNull(page.getWithRule(), "no action chosen yet");
        assertEquals("Choose what the rule does to see what it would change.", page.getDraftProblem());

        page.getForm().setActionType("force_tier");
        page.getForm().setTier("cloud");
        page.refreshPreview();

        assertEquals("CLOUD", page.getWithRule().getFirstTier());
        assertEquals("LOCAL", page.getNow().getFirstTier());
        assertTrue(page.isChanged());
        assertEquals("rule", page.getWithRule().getRanking().get(2).getExclusion());
        assertEquals("7 auto What is the boiling point of water? 0:every request: only the cloud tier",
                preview.calls.get(preview.calls.size() - 1), "a new rule is previewed as id 0, under a stand-in name");
        assertTrue(rules.calls.isEmpty(), "nothing was saved");
    }

    @Test
    void anInvalidDraftSaysWhyAndTheRulesInForceStillShow() {
        EditRoutingRule page = page(ConsoleUser.ADMIN);
        page.add();
        page.getForm().setActionType("set_cache_threshold");
        page.getForm().setThreshold(0.5);
        page.getForm().setMinPromptTokens(500);
        page.getForm().setMaxPromptTokens(10);
        page.setPreviewTenantId(7L);
        page.setPrompt("Hi");
        page.refreshPreview();

        assertTrue(page.getDraftProblem().contains("'min_prompt_tokens' must not exceed 'max_prompt_tokens'"),
                page.getDraftProblem());
        assertEquals("sim-local", page.getNow().getFirstModel());
        assertNull(page.getWithRule());
    }

    @Test
    void withoutATenantOrPromptThereIsNothingToPreview() {
        EditRoutingRule page = page(ConsoleUser.ADMIN);
        page.refreshPreview();
        assertTrue(page.getPreviewProblem().startsWith("Pick a tenant"));

        page.setPreviewTenantId(404L);
        page.setPrompt("Hi");
        page.refreshPreview();
        assertEquals("No tenant 404.", page.getPreviewProblem());
        assertNull(page.getNow());
    }

    @Test
    void editingAStoredRulePreviewsItInPlaceAndSavesItUnderTheAdminsName() {
        EditRoutingRule page = page(ConsoleUser.ADMIN);
        page.edit(4);
        assertEquals(9L, page.getPreviewTenantId());
        page.setPrompt("Hello");
        page.getForm().setActionType("force_tier");
        page.getForm().setTier("cloud");
        page.refreshPreview();
        assertTrue(preview.calls.get(preview.calls.size() - 1).endsWith("4:every request: only the cloud tier"));

        page.getForm().setCategories(List.of("code"));
        page.save();

        assertEquals(List.of("update erin 4 priority 50"), rules.calls);
        assertEquals(List.of("code"), rules.get(4).condition().categories());
        assertFalse(page.isEditing(), "the editor closes after saving");
    }

    @Test
    void aNewRuleIsCreatedAndARefusedOneStaysOpenWithTheReason() {
        EditRoutingRule page = page(ConsoleUser.ADMIN);
        page.add();
        page.getForm().setActionType("disable_cache");
        page.save();
        assertTrue(page.isEditing());
        assertEquals("Not saved: 'name' must be 1 to 64 letters.", notices.shown.get(0));

        page.getForm().setName("no cache");
        page.save();
        assertEquals(List.of("create erin no cache"), rules.calls);
        assertEquals(RuleCondition.ALWAYS, rules.list().get(1).condition());
    }

    @Test
    void aViewerPreviewsTheRulesInForceButCannotEditOrSave() {
        EditRoutingRule page = page(ConsoleUser.VIEWER);
        page.add();
        page.edit(4);
        page.save();
        assertFalse(page.isEditing());

        page.setPreviewTenantId(9L);
        page.setPrompt("Hello");
        page.refreshPreview();

        assertEquals("sim-local", page.getNow().getFirstModel());
        assertNull(page.getWithRule());
        assertTrue(rules.calls.isEmpty());
        assertEquals("9 auto Hello -", preview.calls.get(0));
    }
}
