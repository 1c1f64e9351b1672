package it.budget;

import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.support.AdminClient;
import it.support.Ledger;
import it.support.RouterClient;
import it.support.Tenants;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /v1/usage: the calling tenant's spend and savings, summed from the ledger, by day and tier. */
class UsageReportIT {

    private final RouterClient client = new RouterClient();

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A cloud answer, the same question again from the cache, and a local answer: one of each tier. */
    private Map<String, Ledger.Row> useEveryTier(String key, String tag) {
        Map<String, Ledger.Row> rows = new HashMap<>();
        String question = RouterClient.chatBody("sim-cloud",
                "How many moons does Mars have? [[sim tokens=9 ttft=0 tag=" + tag + "]]", false, false);
        String cloudId = "it-" + UUID.randomUUID();
        String cacheId = "it-" + UUID.randomUUID();
        String localId = "it-" + UUID.randomUUID();
        assertEquals(200, client.postChat(question, key, cloudId).statusCode());
        HttpResponse<String> cached = client.postChat(question, key, cacheId);
        assertEquals("cache", cached.headers().firstValue("x-router-tier").orElseThrow(), cached.body());
        assertEquals(200, client.postChat(RouterClient.chatBody("sim-local",
                "Say hello [[sim tokens=6 ttft=0 tag=" + tag + "]]", false, false), key, localId).statusCode());
        rows.put("cloud", Ledger.rows(cloudId).get(0));
        rows.put("cache", Ledger.rows(cacheId).get(0));
        rows.put("local", Ledger.rows(localId).get(0));
        return rows;
    }

    private static JsonNode byTier(JsonNode report, String tier) {
        for (JsonNode line : report.get("data")) {
            if (tier.equals(line.get("tier").asText())) {
                return line;
            }
        }
        throw new AssertionError("no " + tier + " line in " + report);
    }

    @Test
    void spendAndSavingsByTierAddUpTheLedger() {
        String tenant = unique("usage");
        String key = Tenants.createWithKey(tenant);
        Map<String, Ledger.Row> rows = useEveryTier(key, unique("usage"));

        HttpResponse<String> response = client.get("/v1/usage?group_by=tier", key);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode report = json(response.body());
        assertEquals(tenant, report.get("tenant").asText());
        Ledger.Row cloudRow = rows.get("cloud");
        JsonNode cloud = byTier(report, "cloud");
        assertEquals(1, cloud.get("requests").asLong());
        assertEquals(cloudRow.costMicros(), cloud.get("cost_micros").asLong());
        assertEquals(0, cloud.get("saved_micros").asLong(), "a cloud answer saves nothing");
        for (String tier : new String[] {"cache", "local"}) {
            Ledger.Row row = rows.get(tier);
            JsonNode line = byTier(report, tier);
            assertEquals(1, line.get("requests").asLong(), tier);
            assertEquals(0, line.get("cost_micros").asLong(), tier);
            assertTrue(row.shadowCostMicros() > 0, "the ledger knows what the cloud would have cost: " + tier);
            assertEquals(row.shadowCostMicros(), line.get("saved_micros").asLong(), tier);
        }
        JsonNode totals = report.get("totals");
        assertEquals(3, totals.get("requests").asLong());
        assertEquals(cloudRow.costMicros(), totals.get("cost_micros").asLong());
        assertEquals(rows.get("cache").shadowCostMicros() + rows.get("local").shadowCostMicros(),
                totals.get("saved_micros").asLong());
        assertEquals(rows.values().stream().mapToLong(r -> r.promptTokens()).sum(),
                totals.get("prompt_tokens").asLong());
    }

    @Test
    void byDayTodayHoldsEveryTierAndOtherDaysNothing() {
        String tenant = unique("usage-day");
        String key = Tenants.createWithKey(tenant);
        useEveryTier(key, unique("usaged"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        JsonNode byDay = json(client.get("/v1/usage?group_by=day&from=" + today + "&to=" + today, key).body());
        JsonNode yesterday = json(client.get("/v1/usage?from=" + today.minusDays(1) + "&to=" + today.minusDays(1),
                key).body());

        assertEquals(3, byDay.get("data").size(), byDay.toString());
        for (JsonNode line : byDay.get("data")) {
            assertEquals(today.toString(), line.get("day").asText());
        }
        assertEquals(0, yesterday.get("totals").get("requests").asLong(), yesterday.toString());
        assertEquals(0, yesterday.get("data").size());
    }

    @Test
    void aTenantSeesOnlyItsOwnUsage() {
        String mine = Tenants.createWithKey(unique("usage-mine"));
        String theirs = Tenants.createWithKey(unique("usage-theirs"));
        useEveryTier(theirs, unique("usaget"));

        JsonNode report = json(client.get("/v1/usage", mine).body());

        assertEquals(0, report.get("totals").get("requests").asLong(), report.toString());
        assertEquals(0, report.get("totals").get("cost_micros").asLong());
    }

    @Test
    void operatorsReadAnyTenantsReportThroughTheAdminApi() {
        Tenants.Created tenant = Tenants.create(unique("usage-admin"));
        useEveryTier(tenant.key(), unique("usagea"));
        AdminClient admin = new AdminClient();
        AdminClient viewer = admin.createUser("router-viewer");
        JsonNode own = json(client.get("/v1/usage?group_by=tier", tenant.key()).body());

        HttpResponse<String> byViewer = viewer.get("/admin/api/tenants/" + tenant.id() + "/usage?group_by=tier");
        HttpResponse<String> unknown = admin.get("/admin/api/tenants/999999999/usage");
        HttpResponse<String> anonymous = new AdminClient(System.getProperty("router.url"), null, null)
                .get("/admin/api/tenants/" + tenant.id() + "/usage");

        assertEquals(200, byViewer.statusCode(), byViewer.body());
        JsonNode report = json(byViewer.body());
        assertEquals(tenant.name(), report.get("tenant").asText());
        assertEquals(own.get("totals"), report.get("totals"), "the operator sees what the tenant sees");
        assertEquals(3, report.get("totals").get("requests").asLong());
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals(401, anonymous.statusCode(), anonymous.body());
    }

    @Test
    void badParametersAre400AndNoKeyIs401() {
        HttpResponse<String> badDate = client.get("/v1/usage?from=last-week", client.apiKey());
        HttpResponse<String> badGroup = client.get("/v1/usage?group_by=model", client.apiKey());
        HttpResponse<String> reversed = client.get("/v1/usage?from=2025-06-10&to=2025-06-01", client.apiKey());
        HttpResponse<String> anonymous = client.get("/v1/usage", null);

        assertEquals(400, badDate.statusCode(), badDate.body());
        assertEquals("from", json(badDate.body()).get("error").get("param").asText());
        assertEquals(400, badGroup.statusCode(), badGroup.body());
        assertEquals("group_by", json(badGroup.body()).get("error").get("param").asText());
        assertEquals(400, reversed.statusCode(), reversed.body());
        assertEquals(401, anonymous.statusCode(), anonymous.body());
    }
}
