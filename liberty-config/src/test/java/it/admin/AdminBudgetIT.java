package it.admin;

import static it.admin.TenantLifecycleIT.assertError;
import static it.admin.TenantLifecycleIT.unique;
import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.support.AdminClient;
import it.support.RouterClient;
import it.support.Tenants;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A tenant's budget set through the admin API is the one admission enforces. */
class AdminBudgetIT {

    private final AdminClient admin = new AdminClient();
    private final RouterClient router = new RouterClient();

    @Test
    void aBudgetSetThroughTheApiIsEnforced() {
        Tenants.Created tenant = Tenants.create(unique("it-admin-budget"));
        String path = "/admin/api/tenants/" + tenant.id() + "/budget";
        assertTrue(json(admin.get(path).body()).get("unlimited").asBoolean());

        HttpResponse<String> put = admin.put(path, "{\"limit_micros\":0,\"soft_limit_micros\":0,\"period\":\"DAILY\"}");
        assertEquals(200, put.statusCode(), put.body());
        JsonNode budget = json(put.body());
        assertEquals(0, budget.get("limit_micros").asLong());
        assertEquals("DAILY", budget.get("period").asText());
        Duration untilReset = Duration.between(Instant.now(), Instant.parse(budget.get("resets_at").asText()));
        assertTrue(untilReset.compareTo(Duration.ofHours(23)) > 0 && untilReset.compareTo(Duration.ofHours(25)) < 0,
                budget.toString());

        // A paid model cannot be afforded with nothing left...
        HttpResponse<String> refused = router.postChat(RouterClient.chatBody("sim-cloud", "Hello there", false, false),
                tenant.key(), null);
        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals("budget_exceeded", json(refused.body()).get("error").get("type").asText());

        // ...until the limit is raised; the period (and what was spent in it) stays.
        JsonNode raised = json(admin.put(path, "{\"limit_micros\":5000000,\"period\":\"DAILY\"}").body());
        assertEquals(budget.get("period_start").asText(), raised.get("period_start").asText());
        assertTrue(raised.get("soft_limit_micros").isNull());
        HttpResponse<String> paid = router.postChat(RouterClient.chatBody("sim-cloud", "Hello there", false, false),
                tenant.key(), null);
        assertEquals(200, paid.statusCode(), paid.body());
        JsonNode after = json(admin.get(path).body());
        assertTrue(after.get("spent_micros").asLong() > 0, after.toString());
        assertEquals(0, after.get("reserved_micros").asLong());

        assertEquals(204, admin.delete(path).statusCode());
        assertTrue(json(admin.get(path).body()).get("unlimited").asBoolean());
        assertEquals(404, admin.delete(path).statusCode());
    }

    @Test
    void badBudgetsAreRefused() {
        Tenants.Created tenant = Tenants.create(unique("it-admin-budget-bad"));
        String path = "/admin/api/tenants/" + tenant.id() + "/budget";

        assertError(admin.put(path, "{\"period\":\"DAILY\"}"), 400, "limit_micros");
        assertError(admin.put(path, "{\"limit_micros\":-1}"), 400, "limit_micros");
        assertError(admin.put(path, "{\"limit_micros\":1.5}"), 400, "limit_micros");
        assertError(admin.put(path, "{\"limit_micros\":100,\"soft_limit_micros\":101}"), 400, "soft_limit_micros");
        assertError(admin.put(path, "{\"limit_micros\":100,\"period\":\"HOURLY\"}"), 400, "period");
        assertError(admin.put("/admin/api/tenants/999999999/budget", "{\"limit_micros\":100}"), 404, "tenant_id");
        assertTrue(json(admin.get(path).body()).get("unlimited").asBoolean());
    }
}
