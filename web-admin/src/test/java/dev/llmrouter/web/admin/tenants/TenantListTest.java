package dev.llmrouter.web.admin.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.admin.InvalidSettingException;
import dev.llmrouter.persistence.ApiKey;
import dev.llmrouter.persistence.Tenant;
import dev.llmrouter.tenant.IssuedKey;
import dev.llmrouter.tenant.TenantAdministration;
import dev.llmrouter.tenant.TenantChanges;
import dev.llmrouter.web.admin.ConsoleUser;
import dev.llmrouter.web.admin.FakeSecurityContext;
import dev.llmrouter.web.admin.RecordingNotices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantListTest {

    /** Records what reached the service; refuses names it does not like, as the real one does. */
    static class RecordingTenants extends TenantAdministration {
        final List<String> calls = new ArrayList<>();

        @Override
        public Tenant create(String actor, TenantChanges settings) {
            calls.add("create " + actor + " " + settings.name());
            if (settings.name() == null || settings.name().isBlank()) {
                throw new InvalidSettingException("name", "'name' is required.");
            }
            return new Tenant(settings.name());
        }

        @Override
        public Tenant update(String actor, long tenantId, TenantChanges changes) {
            calls.add("update " + actor + " " + tenantId + " " + changes.status());
            return new Tenant("t");
        }

        @Override
        public IssuedKey createKey(String actor, long tenantId, String name) {
            calls.add("key " + actor + " " + tenantId + " " + name);
            return new IssuedKey(new ApiKey(new Tenant("t"), "k1", new byte[0], new byte[0], name), "llmr_k1_secret");
        }

        @Override
        public ApiKey revokeKey(String actor, long tenantId, String keyId) {
            calls.add("revoke " + keyId);
            return null;
        }

        @Override
        public IssuedKey rotateKey(String actor, long tenantId, String keyId, Duration grace) {
            calls.add("rotate " + keyId);
            return null;
        }
    }

    private final RecordingTenants service = new RecordingTenants();
    private final RecordingNotices notices = new RecordingNotices();

    private TenantList page(String... roles) {
        TenantList page = new TenantList();
        page.tenants = service;
        page.notices = notices;
        page.user = FakeSecurityContext.user(notices, "carol", roles);
        return page;
    }

    @Test
    void aViewerChangesNothingEvenWhenTheActionIsInvoked() {
        TenantList page = page(ConsoleUser.VIEWER);
        page.setNewName("forged");
        page.create();
        page.suspend(1);
        page.select(1);
        page.createKey();
        page.revokeKey("k1");
        page.rotateKey("k1");

        assertTrue(service.calls.isEmpty(), service.calls.toString());
        assertNull(page.getIssuedSecret());
        assertEquals(5, notices.shown.size());
    }

    @Test
    void anAdminActsUnderTheirOwnName() {
        TenantList page = page(ConsoleUser.ADMIN);
        page.select(7);
        page.suspend(7);
        page.setKeyName("ci");
        page.createKey();

        assertEquals(List.of("update carol 7 SUSPENDED", "key carol 7 ci"), service.calls);
        assertEquals("llmr_k1_secret", page.getIssuedSecret());
        page.forgetIssuedSecret();
        assertNull(page.getIssuedSecret(), "the secret is shown once");
    }

    @Test
    void aRefusedChangeBecomesAMessage() {
        TenantList page = page(ConsoleUser.ADMIN);
        page.setNewName(" ");
        page.create();

        assertTrue(notices.shown.get(0).contains("'name' is required."), notices.shown.toString());
    }
}
