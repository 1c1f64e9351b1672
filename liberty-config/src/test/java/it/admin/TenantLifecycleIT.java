package it.admin;

import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.support.AdminClient;
import it.support.RouterClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * A tenant and its keys from creation to revocation, through the admin API, each step checked where it
 * matters: on /v1/chat/completions against the simulated upstream.
 */
class TenantLifecycleIT {

    private final AdminClient admin = new AdminClient();
    private final RouterClient router = new RouterClient();

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonNode created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return json(response.body());
    }

    long createTenant(String name) {
        return created(admin.post("/admin/api/tenants", "{\"name\":\"" + name + "\"}")).get("id").asLong();
    }

    JsonNode createKey(long tenantId) {
        return created(admin.post("/admin/api/tenants/" + tenantId + "/keys", "{\"name\":\"ci\"}"));
    }

    int chat(RouterClient server, String key) {
        return server.postChat(RouterClient.chatBody("auto", "What is the capital of France? " + UUID.randomUUID(),
                false, false), key, null).statusCode();
    }

    /** Polls until the status is reached; revocation is promised within seconds, not instantly. */
    static void awaitStatus(int expected, IntSupplier status, Duration within) {
        Instant deadline = Instant.now().plus(within);
        int last;
        do {
            last = status.getAsInt();
            if (last == expected) {
                return;
            }
        } while (Instant.now().isBefore(deadline));
        assertEquals(expected, last, "status not reached within " + within);
    }

    @Test
    void aCreatedKeyWorksUntilItIsRevoked() {
        long tenant = createTenant(unique("it-life"));
        JsonNode key = createKey(tenant);
        String secret = key.get("key").asText();
        assertTrue(secret.startsWith("llmr_" + key.get("id").asText() + "_"), key.toString());

        HttpResponse<String> answer = router.postChat(RouterClient.chatBody("auto", "What is the capital of France?",
                false, false), secret, null);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(json(answer.body()).get("choices").get(0).get("message").get("content").asText().length() > 0);

        HttpResponse<String> listed = admin.get("/admin/api/tenants/" + tenant + "/keys");
        assertEquals(200, listed.statusCode());
        assertFalse(listed.body().contains(secret.substring(secret.lastIndexOf('_') + 1)), "a secret was listed");
        JsonNode row = json(listed.body()).get("data").get(0);
        assertEquals(key.get("id").asText(), row.get("id").asText());
        assertTrue(row.get("active").asBoolean());
        assertFalse(row.has("key"));

        HttpResponse<String> revoked = admin.post("/admin/api/tenants/" + tenant + "/keys/" + key.get("id").asText()
                + "/revoke", null);
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertFalse(json(revoked.body()).get("active").asBoolean());
        awaitStatus(401, () -> chat(router, secret), Duration.ofSeconds(5));
        HttpResponse<String> refused = router.postChat(RouterClient.chatBody("auto", "hi", false, false), secret, null);
        assertEquals("authentication_error", json(refused.body()).get("error").get("type").asText());
    }

    @Test
    void aRotatedKeyReplacesTheOldOne() {
        long tenant = createTenant(unique("it-rotate"));
        JsonNode old = createKey(tenant);
        assertEquals(200, chat(router, old.get("key").asText()));

        JsonNode rotated = created(admin.post("/admin/api/tenants/" + tenant + "/keys/" + old.get("id").asText()
                + "/rotate", null));
        assertEquals(old.get("id").asText(), rotated.get("replaces").asText());
        assertNotEquals(old.get("key").asText(), rotated.get("key").asText());
        assertEquals("ci", rotated.get("name").asText());

        assertEquals(200, chat(router, rotated.get("key").asText()));
        awaitStatus(401, () -> chat(router, old.get("key").asText()), Duration.ofSeconds(5));
        // Rotating a revoked key is refused: there is nothing left to replace.
        assertEquals(400, admin.post("/admin/api/tenants/" + tenant + "/keys/" + old.get("id").asText() + "/rotate",
                null).statusCode());
    }

    @Test
    void aRotationWithGraceKeepsTheOldKeyWorkingUntilTheGraceEnds() {
        long tenant = createTenant(unique("it-grace"));
        JsonNode old = createKey(tenant);

        JsonNode rotated = created(admin.post("/admin/api/tenants/" + tenant + "/keys/" + old.get("id").asText()
                + "/rotate", "{\"grace_seconds\":5}"));

        assertEquals(200, chat(router, old.get("key").asText()));
        assertEquals(200, chat(router, rotated.get("key").asText()));
        awaitStatus(401, () -> chat(router, old.get("key").asText()), Duration.ofSeconds(20));
        assertEquals(200, chat(router, rotated.get("key").asText()));
        assertEquals(400, admin.post("/admin/api/tenants/" + tenant + "/keys/" + rotated.get("id").asText()
                + "/rotate", "{\"grace_seconds\":-1}").statusCode());
    }

    @Test
    void aSuspendedTenantsKeysAreRefusedUntilItIsActivatedAgain() {
        long tenant = createTenant(unique("it-suspend"));
        String key = createKey(tenant).get("key").asText();
        assertEquals(200, chat(router, key));

        HttpResponse<String> suspended = admin.post("/admin/api/tenants/" + tenant + "/suspend", null);
        assertEquals(200, suspended.statusCode(), suspended.body());
        assertEquals("SUSPENDED", json(suspended.body()).get("status").asText());
        awaitStatus(401, () -> chat(router, key), Duration.ofSeconds(5));

        assertEquals("ACTIVE", json(admin.post("/admin/api/tenants/" + tenant + "/activate", null).body())
                .get("status").asText());
        assertEquals(200, chat(router, key));
    }

    @Test
    void tenantSettingsChangeOnlyWhereGiven() {
        String name = unique("it-settings");
        long tenant = createTenant(name);

        HttpResponse<String> patched = admin.patch("/admin/api/tenants/" + tenant,
                "{\"cache_ttl_seconds\":600,\"cache_threshold\":0.9,\"cache_enabled\":false}");
        assertEquals(200, patched.statusCode(), patched.body());
        JsonNode body = json(patched.body());
        assertEquals(name, body.get("name").asText());
        assertEquals(600, body.get("cache_ttl_seconds").asInt());
        assertEquals(0.9, body.get("cache_threshold").asDouble());
        assertFalse(body.get("cache_enabled").asBoolean());

        JsonNode reset = json(admin.patch("/admin/api/tenants/" + tenant, "{\"cache_ttl_seconds\":null}").body());
        assertTrue(reset.get("cache_ttl_seconds").isNull());
        assertEquals(0.9, reset.get("cache_threshold").asDouble());

        JsonNode read = json(admin.get("/admin/api/tenants/" + tenant).body());
        assertEquals(reset, read);
        boolean listed = false;
        for (JsonNode row : json(admin.get("/admin/api/tenants").body()).get("data")) {
            listed |= row.get("id").asLong() == tenant;
        }
        assertTrue(listed);
    }

    @Test
    void curlsDefaultContentTypeIsReadAsJson() {
        String name = unique("it-curl");
        JsonNode tenant = created(admin.post("/admin/api/tenants", "{\"name\":\"" + name + "\"}",
                "application/x-www-form-urlencoded"));
        assertEquals(name, tenant.get("name").asText());
        JsonNode key = created(admin.post("/admin/api/tenants/" + tenant.get("id").asLong() + "/keys", null,
                "application/x-www-form-urlencoded"));
        assertEquals("default", key.get("name").asText());
    }

    @Test
    void badTenantRequestsAreRefusedWithTheirStatus() {
        String name = unique("it-dup");
        long tenant = createTenant(name);

        assertError(admin.post("/admin/api/tenants", "{\"name\":\"" + name + "\"}"), 409, "name");
        assertError(admin.patch("/admin/api/tenants/" + createTenant(unique("it-other")), "{\"name\":\"" + name + "\"}"),
                409, "name");
        assertError(admin.post("/admin/api/tenants", "{\"name\":\"has spaces; drop table\"}"), 400, "name");
        assertError(admin.post("/admin/api/tenants", "{}"), 400, "name");
        assertError(admin.post("/admin/api/tenants", "[1]"), 400, null);
        assertError(admin.patch("/admin/api/tenants/" + tenant, "{\"status\":\"DELETED\"}"), 400, "status");
        assertError(admin.patch("/admin/api/tenants/" + tenant, "{\"cache_threshold\":1.5}"), 400, "cache_threshold");
        assertError(admin.patch("/admin/api/tenants/" + tenant, "{\"cache_ttl_seconds\":\"soon\"}"), 400,
                "cache_ttl_seconds");
        assertError(admin.patch("/admin/api/tenants/" + tenant, "{\"colour\":\"red\"}"), 400, "colour");
        assertError(admin.get("/admin/api/tenants/999999999"), 404, "tenant_id");
        assertError(admin.post("/admin/api/tenants/999999999/keys", null), 404, "tenant_id");
        assertError(admin.post("/admin/api/tenants/" + tenant + "/keys/0000000000000000/revoke", null), 404, "key_id");
        // Another tenant's key cannot be revoked through this tenant.
        long other = createTenant(unique("it-owner"));
        String othersKey = createKey(other).get("id").asText();
        assertError(admin.post("/admin/api/tenants/" + tenant + "/keys/" + othersKey + "/revoke", null), 404, "key_id");
    }

    static void assertError(HttpResponse<String> response, int status, String param) {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode error = json(response.body()).get("error");
        assertTrue(error.has("type") && error.has("message") && error.has("code"), response.body());
        if (param != null) {
            assertEquals(param, error.get("param").asText(), response.body());
        }
    }

    @Test
    void aViewerSeesTenantsButCannotChangeThem() {
        AdminClient viewer = admin.createUser("router-viewer");
        long tenant = createTenant(unique("it-viewer"));
        String keyId = createKey(tenant).get("id").asText();

        assertEquals(200, viewer.get("/admin/api/tenants").statusCode());
        assertEquals(200, viewer.get("/admin/api/tenants/" + tenant + "/keys").statusCode());
        assertEquals(200, viewer.get("/admin/api/tenants/" + tenant + "/budget").statusCode());
        assertEquals(403, viewer.post("/admin/api/tenants", "{\"name\":\"" + unique("it-never") + "\"}").statusCode());
        assertEquals(403, viewer.patch("/admin/api/tenants/" + tenant, "{\"status\":\"SUSPENDED\"}").statusCode());
        assertEquals(403, viewer.post("/admin/api/tenants/" + tenant + "/keys", null).statusCode());
        assertEquals(403, viewer.post("/admin/api/tenants/" + tenant + "/keys/" + keyId + "/revoke", null).statusCode());
        assertEquals(403, viewer.put("/admin/api/tenants/" + tenant + "/budget", "{\"limit_micros\":1}").statusCode());
        assertEquals("ACTIVE", json(admin.get("/admin/api/tenants/" + tenant).body()).get("status").asText());
        assertTrue(json(admin.get("/admin/api/tenants/" + tenant + "/keys").body()).get("data").get(0).get("active")
                .asBoolean());
    }

    @Test
    void everyWriteLeavesAnAuditRow() {
        long tenant = createTenant(unique("it-audit"));
        String keyId = createKey(tenant).get("id").asText();
        admin.post("/admin/api/tenants/" + tenant + "/keys/" + keyId + "/rotate", null);
        admin.post("/admin/api/tenants/" + tenant + "/suspend", null);
        admin.put("/admin/api/tenants/" + tenant + "/budget", "{\"limit_micros\":1000000,\"period\":\"DAILY\"}");

        Set<String> actions = new HashSet<>();
        for (JsonNode row : json(admin.get("/admin/api/audit?limit=200").body()).get("data")) {
            String target = row.get("target").asText();
            if (target.equals("tenant:" + tenant) || target.startsWith("tenant:" + tenant + "/")) {
                assertEquals("admin", row.get("actor").asText());
                actions.add(row.get("action").asText());
            }
        }
        assertEquals(Set.of("tenant.create", "key.create", "key.rotate", "tenant.suspend", "budget.put"),
                actions);
    }
}
