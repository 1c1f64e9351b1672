package dev.llmrouter.web.admin.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.persistence.Tenant;
import dev.llmrouter.tenant.TenantAdministration;
import dev.llmrouter.web.admin.ConsoleUser;
import dev.llmrouter.web.admin.FakeSecurityContext;
import dev.llmrouter.web.admin.RecordingNotices;
import dev.llmrouter.web.admin.TestTenants;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleListTest {

    static class TwoTenants extends TenantAdministration {
        @Override
        public List<Tenant> list() {
            return List.of(TestTenants.withId(1, "team-a"), TestTenants.withId(2, "team-b"));
        }
    }

    private final RecordingRules rules = new RecordingRules()
            .add(1, null, "everyone", 10, true)
            .add(2, 2L, "team b", 20, true)
            .add(3, 1L, "team a", 30, false);
    private final RecordingNotices notices = new RecordingNotices();

    private RuleList page(String... roles) {
        RuleList page = new RuleList();
        page.rules = rules;
        page.tenants = new TwoTenants();
        page.notices = notices;
        page.user = FakeSecurityContext.user(notices, "dora", roles);
        return page;
    }

    @Test
    void rowsAreInTheOrderRulesRunWithTheirTenantsNames() {
        List<RuleRow> rows = page(ConsoleUser.VIEWER).getRows();

        assertEquals(List.of("everyone", "team b", "team a"), rows.stream().map(RuleRow::getName).toList());
        assertEquals(List.of("all tenants", "team-b", "team-a"), rows.stream().map(RuleRow::getTenant).toList());
        assertEquals("every request: no cache", rows.get(0).getSummary());
        assertTrue(rows.get(0).isFirst());
        assertTrue(rows.get(2).isLast());
        assertFalse(rows.get(2).isEnabled());
    }

    @Test
    void aViewerChangesNothingEvenWhenTheActionsAreInvoked() {
        RuleList page = page(ConsoleUser.VIEWER);
        page.moveUp(2);
        page.moveDown(2);
        page.enable(3);
        page.disable(1);
        page.delete(1);

        assertTrue(rules.calls.isEmpty(), rules.calls.toString());
        assertEquals(5, notices.shown.size());
        assertTrue(notices.shown.get(0).startsWith("Not allowed"));
    }

    @Test
    void movingARuleSwapsItsPriorityWithItsNeighbourUnderTheAdminsName() {
        RuleList page = page(ConsoleUser.ADMIN);
        page.moveUp(3);

        assertEquals(List.of("reprioritise dora 3=20 2=30"), rules.calls, "one write for both rules");
        assertEquals(List.of("everyone", "team a", "team b"), page.getRows().stream().map(RuleRow::getName).toList());
        assertFalse(rules.get(3).enabled(), "moving keeps everything else of the rule");

        rules.calls.clear();
        page.moveUp(1);
        assertTrue(rules.calls.isEmpty(), "the first rule stays first");
    }

    @Test
    void enablingDisablingAndDeletingGoThroughTheService() {
        RuleList page = page(ConsoleUser.ADMIN);
        page.enable(3);
        page.disable(1);
        page.delete(2);
        page.delete(99);

        assertEquals(List.of("enable dora 3", "disable dora 1", "delete dora 2"), rules.calls);
        assertEquals("Not deleted: No routing rule 99.", notices.shown.get(3));
    }
}
