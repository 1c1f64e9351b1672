package it.route;

import static it.support.RouterClient.chatBody;
import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.support.AdminClient;
import it.support.RouterClient;
import it.support.Tenants;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admin API of routing: rules, SLA policies and who follows them, decisions, outcome imports. */
class RoutingAdminIT {

    private final AdminClient admin = new AdminClient();
    private final RouterClient client = new RouterClient();

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode explain(String key) {
        HttpResponse<String> r = client.postWithHeaders("/v1/route/explain",
                chatBody("auto", "Name a prime number.", false, false), key, null, Map.of());
        assertEquals(200, r.statusCode(), r.body());
        return json(r.body());
    }

    private JsonNode lastAudit() {
        return json(admin.get("/admin/api/audit?limit=1").body()).get("data").get(0);
    }

    @Test
    void rulesAreCreatedChangedSwitchedAndDeletedWithAnAuditRowEach() {
        String name = unique("rule");
        HttpResponse<String> created = admin.post("/admin/api/routing-rules", "{\"name\":\"" + name + "\","
                + "\"priority\":50,\"condition\":{\"categories\":[\"math\"],\"min_prompt_tokens\":3},"
                + "\"action\":{\"type\":\"forbid_tier\",\"tier\":\"local\"}}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode rule = json(created.body());
        long id = rule.get("id").asLong();
        try {
            assertEquals("category math, at least 3 prompt tokens: never the local tier", rule.get("summary").asText());
            assertTrue(rule.get("tenant_id").isNull(), "no tenant: every tenant");
            assertEquals("rule.create", lastAudit().get("action").asText());

            HttpResponse<String> replaced = admin.put("/admin/api/routing-rules/" + id, "{\"name\":\"" + name + "\","
                    + "\"priority\":40,\"action\":{\"type\":\"set_cache_threshold\",\"threshold\":0.9}}");
            assertEquals(200, replaced.statusCode(), replaced.body());
            assertEquals(40, json(replaced.body()).get("priority").asInt());
            assertEquals("rule.update", lastAudit().get("action").asText());

            HttpResponse<String> disabled = admin.post("/admin/api/routing-rules/" + id + "/disable", "");
            assertFalse(json(disabled.body()).get("enabled").asBoolean());
            assertEquals("rule.disable", lastAudit().get("action").asText());
            boolean listed = false;
            for (JsonNode r : json(admin.get("/admin/api/routing-rules").body()).get("data")) {
                listed |= r.get("id").asLong() == id;
            }
            assertTrue(listed);

            HttpResponse<String> twin = admin.post("/admin/api/routing-rules", "{\"name\":\"" + name
                    + "\",\"action\":{\"type\":\"disable_cache\"}}");
            assertEquals(409, twin.statusCode(), twin.body());
        } finally {
            assertEquals(204, admin.delete("/admin/api/routing-rules/" + id).statusCode());
        }
        assertEquals("rule.delete", lastAudit().get("action").asText());
        assertEquals(404, admin.get("/admin/api/routing-rules/" + id).statusCode());
    }

    @Test
    void badRulesAreRefusedNamingTheField() {
        Map<String, String> cases = Map.of(
                "{\"name\":\"x\"}", "action",
                "{\"name\":\"x\",\"action\":{\"type\":\"fly\"}}", "action.type",
                "{\"name\":\"x\",\"action\":{\"type\":\"force_backend\",\"backend\":\"no-such-model\"}}",
                "action.backend",
                "{\"name\":\"x\",\"tenant_id\":987654321,\"action\":{\"type\":\"disable_cache\"}}", "tenant_id",
                "{\"name\":\"x\",\"condition\":{\"categories\":[\"poems\"]},\"action\":{\"type\":\"disable_cache\"}}",
                "condition.categories",
                "{\"name\":\"\",\"action\":{\"type\":\"disable_cache\"}}", "name",
                "{\"name\":\"x\",\"priority\":-1,\"action\":{\"type\":\"disable_cache\"}}", "priority",
                "{\"name\":\"x\",\"colour\":1,\"action\":{\"type\":\"disable_cache\"}}", "colour");
        cases.forEach((body, param) -> {
            HttpResponse<String> r = admin.post("/admin/api/routing-rules", body);
            assertEquals(400, r.statusCode(), body + " -> " + r.body());
            assertEquals(param, json(r.body()).get("error").get("param").asText(), body);
        });
        assertEquals(400, admin.post("/admin/api/routing-rules", "{not json").statusCode());
    }

    @Test
    void slaPoliciesBindTenantsAndKeysAndCannotBeDeletedWhileFollowed() {
        Tenants.Created t = Tenants.create(unique("sla"));
        String extraKey = Tenants.addKey(t.name());
        HttpResponse<String> gold = admin.post("/admin/api/sla-policies", "{\"name\":\"" + unique("gold")
                + "\",\"latency_target_ms\":2500,\"max_cost_micros\":5000,\"min_quality\":0.6,\"cost_weight\":800}");
        HttpResponse<String> bronze = admin.post("/admin/api/sla-policies", "{\"name\":\"" + unique("bronze")
                + "\",\"latency_target_ms\":9000}");
        assertEquals(201, gold.statusCode(), gold.body());
        long goldId = json(gold.body()).get("id").asLong();
        long bronzeId = json(bronze.body()).get("id").asLong();
        assertEquals("sla.create", lastAudit().get("action").asText());

        assertEquals(204, admin.put("/admin/api/tenants/" + t.id() + "/sla-policy",
                "{\"policy_id\":" + goldId + "}").statusCode());
        JsonNode tenantLevel = explain(t.key()).get("sla");
        assertEquals(json(gold.body()).get("name").asText(), tenantLevel.get("policy").asText());
        assertEquals(2500, tenantLevel.get("latency_target_ms").asLong());
        assertEquals(5000, tenantLevel.get("max_cost_micros").asLong());
        assertEquals(800, tenantLevel.get("cost_weight").asDouble());

        String keyId = Tenants.keyId(extraKey);
        assertEquals(204, admin.put("/admin/api/tenants/" + t.id() + "/keys/" + keyId + "/sla-policy",
                "{\"policy_id\":" + bronzeId + "}").statusCode());
        assertEquals(9000, explain(extraKey).get("sla").get("latency_target_ms").asLong(), "the key's own wins");
        assertEquals(2500, explain(t.key()).get("sla").get("latency_target_ms").asLong(), "other keys: the tenant's");

        HttpResponse<String> refused = admin.delete("/admin/api/sla-policies/" + goldId);
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(json(refused.body()).get("error").get("message").asText().contains(t.name()));
        JsonNode listed = json(admin.get("/admin/api/sla-policies/" + goldId).body());
        assertEquals(t.name(), listed.get("tenants").get(0).asText());

        assertEquals(204, admin.put("/admin/api/tenants/" + t.id() + "/sla-policy", "{\"policy_id\":null}")
                .statusCode());
        assertTrue(explain(t.key()).get("sla").path("policy").isMissingNode(), "back to the router's defaults");
        assertEquals(204, admin.delete("/admin/api/sla-policies/" + goldId).statusCode());
        assertEquals("sla.delete", lastAudit().get("action").asText());

        assertEquals(400, admin.post("/admin/api/sla-policies", "{\"name\":\"" + unique("x")
                + "\",\"latency_target_ms\":0}").statusCode());
        assertEquals(400, admin.post("/admin/api/sla-policies", "{\"name\":\"" + unique("x")
                + "\",\"latency_target_ms\":100,\"min_quality\":2}").statusCode());
        assertEquals(400, admin.put("/admin/api/tenants/" + t.id() + "/sla-policy", "{\"policy_id\":987654321}")
                .statusCode());
        assertEquals(404, admin.put("/admin/api/tenants/987654321/sla-policy", "{\"policy_id\":null}").statusCode());
    }

    @Test
    void viewersReadButCannotChangeRoutingAndStrangersAreRefused() {
        AdminClient viewer = admin.createUser("router-viewer");
        assertEquals(200, viewer.get("/admin/api/routing-rules").statusCode());
        assertEquals(200, viewer.get("/admin/api/sla-policies").statusCode());
        assertEquals(200, viewer.get("/admin/api/decisions").statusCode());
        assertEquals(403, viewer.post("/admin/api/routing-rules", "{\"name\":\"" + unique("v")
                + "\",\"action\":{\"type\":\"disable_cache\"}}").statusCode());
        assertEquals(403, viewer.post("/admin/api/sla-policies", "{\"name\":\"" + unique("v")
                + "\",\"latency_target_ms\":100}").statusCode());
        assertEquals(403, viewer.post("/admin/api/outcomes", "{\"outcomes\":[]}").statusCode());
        assertEquals(401, new AdminClient(System.getProperty("router.url", "http://localhost:19080"), null, null)
                .get("/admin/api/routing-rules").statusCode());
    }

    @Test
    void importedOutcomesTeachEveryTenantsPrediction() {
        Tenants.Created t = Tenants.create(unique("import"));
        String prompt = "Which enzyme unwinds the DNA double helix during replication, " + unique("q") + "?";
        double before = qualityOf(t.key(), prompt, "sim-local");
        StringBuilder outcomes = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            outcomes.append(i == 0 ? "" : ",").append("{\"backend\":\"sim-local\",\"tier\":\"local\",\"prompt\":\"")
                    .append(prompt).append("\",\"score\":0}");
        }
        HttpResponse<String> imported = admin.post("/admin/api/outcomes", "{\"outcomes\":[" + outcomes + "]}");

        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(5, json(imported.body()).get("imported").asInt());
        assertEquals("outcomes.import", lastAudit().get("action").asText());
        assertTrue(qualityOf(t.key(), prompt, "sim-local") < before - 0.05, "five failures on this very prompt");
        HttpResponse<String> bad = admin.post("/admin/api/outcomes",
                "{\"outcomes\":[{\"backend\":\"sim-local\",\"tier\":\"cache\",\"prompt\":\"p\",\"score\":1}]}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals("outcomes[0].tier", json(bad.body()).get("error").get("param").asText());
    }

    private double qualityOf(String key, String prompt, String model) {
        HttpResponse<String> r = client.postWithHeaders("/v1/route/explain", chatBody("auto", prompt, false, false),
                key, null, Map.of("Cache-Control", "no-cache"));
        for (JsonNode s : json(r.body()).get("ranking")) {
            if (s.get("model").asText().equals(model)) {
                return s.get("quality").asDouble();
            }
        }
        throw new AssertionError(r.body());
    }
}
