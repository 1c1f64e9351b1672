package it.admin;

import static it.admin.TenantLifecycleIT.awaitStatus;
import static it.admin.TenantLifecycleIT.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import it.support.AdminClient;
import it.support.RouterClient;
import it.support.Tenants;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Keys are shared state: a key issued on one router instance works on the other at once, and once
 * revoked on one it is refused by the other within seconds (the IT servers router.url and
 * router.url2 share one PostgreSQL).
 */
class TwoServerKeyIT {

    private final RouterClient first = new RouterClient(System.getProperty("router.url"));
    private final RouterClient second = new RouterClient(System.getProperty("router.url2"));
    private final AdminClient admin = new AdminClient();

    private static int chat(RouterClient server, String key) {
        return server.postChat(RouterClient.chatBody("auto", "Name a colour " + UUID.randomUUID(), false, false), key,
                null).statusCode();
    }

    @Test
    void aKeyRevokedOnOneServerIsRefusedByTheOther() {
        Tenants.Created tenant = Tenants.create(unique("it-two-servers"));
        assertEquals(200, chat(second, tenant.key()));
        assertEquals(200, chat(first, tenant.key()));

        assertEquals(200, admin.post("/admin/api/tenants/" + tenant.id() + "/keys/" + tenant.keyId() + "/revoke", null)
                .statusCode());

        awaitStatus(401, () -> chat(second, tenant.key()), Duration.ofSeconds(5));
        assertEquals(401, chat(first, tenant.key()));
    }

    @Test
    void theSecondServerServesTheSameAdminApi() {
        Tenants.Created tenant = Tenants.create(unique("it-two-admin"));
        AdminClient onSecond = admin.on(System.getProperty("router.url2"));

        assertEquals(200, onSecond.post("/admin/api/tenants/" + tenant.id() + "/suspend", null).statusCode());
        awaitStatus(401, () -> chat(first, tenant.key()), Duration.ofSeconds(5));
    }
}
