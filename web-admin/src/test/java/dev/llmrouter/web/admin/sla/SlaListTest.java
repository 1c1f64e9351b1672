package dev.llmrouter.web.admin.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.admin.InUseException;
import dev.llmrouter.admin.InvalidSettingException;
import dev.llmrouter.admin.UnknownObjectException;
import dev.llmrouter.persistence.SlaPolicies;
import dev.llmrouter.persistence.SlaPolicy;
import dev.llmrouter.route.admin.SlaAdministration;
import dev.llmrouter.route.admin.SlaSpec;
import dev.llmrouter.web.admin.ConsoleUser;
import dev.llmrouter.web.admin.FakeSecurityContext;
import dev.llmrouter.web.admin.RecordingNotices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaListTest {

    /** Policies in memory; followed ones cannot go, as in the real service. */
    static class RecordingPolicies extends SlaAdministration {
        final Map<Long, SlaPolicy> stored = new HashMap<>();
        final Map<Long, List<String>> tenantsFollowing = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        RecordingPolicies() {
            stored.put(1L, new SlaPolicy(1, "interactive", "chat UIs", 1500, 20_000L, 0.5, 200.0, Instant.EPOCH));
            stored.put(2L, new SlaPolicy(2, "batch", null, 60_000, null, null, null, Instant.EPOCH));
            tenantsFollowing.put(1L, List.of("team-a"));
        }

        @Override
        public List<SlaPolicy> list() {
            return stored.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
        }

        @Override
        public SlaPolicy get(long id) {
            SlaPolicy p = stored.get(id);
            if (p == null) {
                throw new UnknownObjectException("id", "No SLA policy " + id + ".");
            }
            return p;
        }

        @Override
        public SlaPolicies.Followers followers(long id) {
            return new SlaPolicies.Followers(tenantsFollowing.getOrDefault(id, List.of()), id == 1 ? List.of(5L, 6L) : List.of());
        }

        @Override
        public SlaPolicy create(String actor, SlaSpec spec) {
            if (spec.latencyTargetMs() == null) {
                throw new InvalidSettingException("latency_target_ms", "'latency_target_ms' is required.");
            }
            calls.add("create " + actor + " " + spec);
            SlaPolicy p = new SlaPolicy(3, spec.name(), spec.description(), spec.latencyTargetMs(), spec.maxCostMicros(),
                    spec.minQuality(), spec.costWeight(), Instant.EPOCH);
            stored.put(3L, p);
            return p;
        }

        @Override
        public SlaPolicy update(String actor, long id, SlaSpec spec) {
            calls.add("update " + actor + " " + id + " " + spec);
            return get(id);
        }

        @Override
        public void delete(String actor, long id) {
            if (!tenantsFollowing.getOrDefault(id, List.of()).isEmpty()) {
                throw new InUseException("id", "SLA policy '" + get(id).name() + "' is followed by tenants "
                        + String.join(", ", tenantsFollowing.get(id)) + "; assign them another policy first.");
            }
            calls.add("delete " + actor + " " + id);
            stored.remove(id);
        }

        @Override
        public void assignToTenant(String actor, long tenantId, Long policyId) {
            calls.add("assign " + actor + " " + tenantId + " " + policyId);
        }
    }

    private final RecordingPolicies policies = new RecordingPolicies();
    private final RecordingNotices notices = new RecordingNotices();

    private SlaList page(String... roles) {
        SlaList page = new SlaList();
        page.policies = policies;
        page.notices = notices;
        page.user = FakeSecurityContext.user(notices, "fay", roles);
        return page;
    }

    @Test
    void rowsShowLimitsInUsdAndWhoFollows() {
        List<SlaRow> rows = page(ConsoleUser.VIEWER).getRows();

        SlaRow batch = rows.get(0);
        SlaRow interactive = rows.get(1);
        assertEquals("$0.02", interactive.getMaxCost());
        assertEquals("0.50", interactive.getMinQuality());
        assertEquals("200.0", interactive.getCostWeight());
        assertEquals("team-a; 2 keys", interactive.getFollowers());
        assertTrue(interactive.isFollowed());
        assertEquals("no limit", batch.getMaxCost());
        assertEquals("none", batch.getMinQuality());
        assertEquals("router default", batch.getCostWeight());
        assertEquals("nobody", batch.getFollowers());
    }

    @Test
    void aViewerChangesNothingEvenWhenTheActionsAreInvoked() {
        SlaList page = page(ConsoleUser.VIEWER);
        page.setName("forged");
        page.setLatencyTargetMs(100);
        page.save();
        page.edit(1);
        page.delete(2);
        page.setAssignTenantId(1L);
        page.assign();

        assertTrue(policies.calls.isEmpty(), policies.calls.toString());
        assertNull(page.getEditingId());
        assertEquals(4, notices.shown.size());
    }

    @Test
    void aPolicyIsCreatedWithItsMaximumCostInMicroUsd() {
        SlaList page = page(ConsoleUser.ADMIN);
        page.setName(" fast ");
        page.setLatencyTargetMs(800);
        page.setMaxCost("0.015");
        page.setMinQuality(0.6);
        page.save();

        assertEquals(List.of("create fay SlaSpec[name=fast, description=null, latencyTargetMs=800, "
                + "maxCostMicros=15000, minQuality=0.6, costWeight=null]"), policies.calls);
        assertNull(page.getName(), "the form is cleared");
        assertEquals("SLA policy created: fast", notices.shown.get(0));
    }

    @Test
    void badInputBecomesAMessage() {
        SlaList page = page(ConsoleUser.ADMIN);
        page.setName("fast");
        page.setMaxCost("two dollars");
        page.save();
        page.setMaxCost(null);
        page.save();

        assertEquals(List.of("Not saved: The maximum cost is in USD per request, for example 0.02.",
                "Not saved: 'latency_target_ms' is required."), notices.shown);
        assertEquals("fast", page.getName(), "the form keeps what was typed");
    }

    @Test
    void editingFillsTheFormAndSavesTheSamePolicy() {
        SlaList page = page(ConsoleUser.ADMIN);
        page.edit(1);

        assertTrue(page.isEditing());
        assertEquals("interactive", page.getName());
        assertEquals("0.02", page.getMaxCost());
        assertEquals(1500, page.getLatencyTargetMs());
        page.setLatencyTargetMs(2500);
        page.save();

        assertEquals(List.of("update fay 1 SlaSpec[name=interactive, description=chat UIs, latencyTargetMs=2500, "
                + "maxCostMicros=20000, minQuality=0.5, costWeight=200.0]"), policies.calls);
        assertFalse(page.isEditing());
    }

    @Test
    void aFollowedPolicyIsNotDeletedAndThePageSaysWhoFollowsIt() {
        SlaList page = page(ConsoleUser.ADMIN);
        page.delete(1);
        page.delete(2);

        assertEquals("Not deleted: SLA policy 'interactive' is followed by tenants team-a; assign them another "
                + "policy first.", notices.shown.get(0));
        assertEquals(List.of("delete fay 2"), policies.calls);
    }

    @Test
    void aTenantIsAssignedAPolicyOrTheDefaults() {
        SlaList page = page(ConsoleUser.ADMIN);
        page.assign();
        page.setAssignTenantId(7L);
        page.setAssignPolicyId(1L);
        page.assign();
        page.setAssignPolicyId(null);
        page.assign();

        assertEquals(List.of("assign fay 7 1", "assign fay 7 null"), policies.calls);
        assertEquals(List.of("Not assigned: Pick a tenant.", "SLA policy assigned: The tenant follows interactive.",
                "SLA policy assigned: The tenant follows the router's defaults."), notices.shown);
    }
}
