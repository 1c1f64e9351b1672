package it.admin;

import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.support.AdminClient;
import it.support.RouterClient;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may use the admin API: nobody without credentials, a router-viewer only to read, a router-admin
 * for everything; every write leaves an audit row naming the user. The bootstrap user {@code admin}
 * comes from ROUTER_BOOTSTRAP_ADMIN_PASSWORD (set by the it profile).
 */
class AdminSecurityIT {

    private final String url = System.getProperty("router.url", "http://localhost:19080");
    private final AdminClient admin = new AdminClient();

    private static void assertError(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode error = json(response.body()).get("error");
        assertNotNull(error, response.body());
        assertEquals(type, error.get("type").asText(), response.body());
        assertTrue(error.has("message") && error.has("param") && error.has("code"), response.body());
    }

    @Test
    void withoutCredentialsTheApiAnswers401WithABasicChallenge() {
        HttpResponse<String> response = new AdminClient(url, null, null).get("/admin/api/audit");
        assertError(response, 401, "authentication_error");
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Basic realm=\"llm-router-admin\""), challenge);
    }

    @Test
    void aWrongPasswordOrUnknownUserIs401() {
        assertError(new AdminClient(url, "admin", "not-the-password").get("/admin/api/audit"), 401,
                "authentication_error");
        assertError(new AdminClient(url, "nobody-" + UUID.randomUUID(), "whatever-password").get("/admin/api/users"),
                401, "authentication_error");
    }

    @Test
    void aTenantApiKeyIsNoAdminCredential() {
        HttpResponse<String> response = new RouterClient().get("/admin/api/audit", new RouterClient().apiKey());
        assertError(response, 401, "authentication_error");
    }

    @Test
    void theBootstrapAdminListsUsers() {
        HttpResponse<String> response = admin.get("/admin/api/users");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode bootstrap = null;
        for (JsonNode user : json(response.body()).get("data")) {
            assertFalse(user.has("password_hash"), response.body());
            if (user.get("username").asText().equals("admin")) {
                bootstrap = user;
            }
        }
        assertNotNull(bootstrap, response.body());
        assertEquals("router-admin", bootstrap.get("roles").get(0).asText());
    }

    @Test
    void aViewerReadsButCannotWrite() {
        AdminClient viewer = admin.createUser("router-viewer");

        assertEquals(200, viewer.get("/admin/api/audit").statusCode());
        HttpResponse<String> write = viewer.post("/admin/api/users", RouterClient.JSON.createObjectNode()
                .put("username", "it-never-" + UUID.randomUUID().toString().substring(0, 8))
                .put("password", "long-enough-password").put("role", "router-admin").toString());
        assertError(write, 403, "permission_error");
        // Listing users is an admin matter too.
        assertError(viewer.get("/admin/api/users"), 403, "permission_error");
    }

    @Test
    void writesAreAuditedUnderTheActingUser() {
        AdminClient viewer = admin.createUser("router-viewer");

        boolean found = false;
        for (JsonNode row : json(admin.get("/admin/api/audit?limit=100").body()).get("data")) {
            if (row.get("action").asText().equals("user.create") && row.get("target").asText().equals(viewer.username())) {
                assertEquals("admin", row.get("actor").asText());
                assertEquals("router-viewer", row.get("detail").get("role").asText());
                found = true;
            }
        }
        assertTrue(found, "no audit row for the new user " + viewer.username());
    }

    @Test
    void aDisabledUserIsLockedOut() {
        AdminClient viewer = admin.createUser("router-viewer");
        assertEquals(200, viewer.get("/admin/api/audit").statusCode());

        HttpResponse<String> disabled = admin.post("/admin/api/users/" + viewer.username() + "/disable", null);
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertTrue(json(disabled.body()).get("disabled").asBoolean());

        assertError(viewer.get("/admin/api/audit"), 401, "authentication_error");
    }

    @Test
    void badUserRequestsAre400409And404() {
        String name = "it-dup-" + UUID.randomUUID().toString().substring(0, 8);
        String body = RouterClient.JSON.createObjectNode().put("username", name)
                .put("password", "long-enough-password").put("role", "router-viewer").toString();
        assertEquals(201, admin.post("/admin/api/users", body).statusCode());
        assertError(admin.post("/admin/api/users", body), 409, "conflict_error");

        assertError(admin.post("/admin/api/users", body.replace("long-enough-password", "short")), 400,
                "invalid_request_error");
        assertError(admin.post("/admin/api/users", body.replace("router-viewer", "root")), 400,
                "invalid_request_error");
        assertError(admin.post("/admin/api/users", "{not json"), 400, "invalid_request_error");
        assertError(admin.post("/admin/api/users/nobody-" + UUID.randomUUID() + "/disable", null), 404,
                "not_found_error");
        assertError(admin.post("/admin/api/users/admin/disable", null), 400, "invalid_request_error");
    }

    @Test
    void theOpenAiApiIgnoresBasicCredentials() {
        HttpResponse<String> response = new AdminClient(url, "admin", System.getProperty("router.admin-password"))
                .post("/v1/chat/completions", RouterClient.chatBody("auto", "hi", false, false));
        assertError(response, 401, "authentication_error");
    }
}
