package it.console;

import static it.support.RouterClient.chatBody;
import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.support.AdminClient;
import it.support.Browser;
import it.support.RouterClient;
import it.support.Tenants;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The console's routing pages in headless Chromium against the started server: a rule built in the
 * condition builder changes the live preview before it is saved and routes real requests once it is;
 * rules move, pause and go; an SLA policy is created, edited, assigned and refused deletion while followed;
 * a request's decision opens with its ranking; a viewer sees all three pages and can change nothing.
 */
class RoutingConsoleIT {

    private static final String ADMIN_PASSWORD = System.getProperty("router.admin-password");

    private final RouterClient router = new RouterClient();
    private final AdminClient admin = new AdminClient();

    @Test
    void aRuleBuiltOnThePageChangesThePreviewAndOnceSavedRoutesRealRequests() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Tenants.Created tenant = Tenants.create("rules-" + tag);
        String ruleName = "it cloud only " + tag;
        String prompt = "What is the boiling point of water at sea level? " + tag;
        try (Browser browser = new Browser()) {
            browser.signIn("admin", ADMIN_PASSWORD);
            browser.waitFor("#dashboard");
            browser.open("/admin/rules/index.xhtml");
            browser.find("#rules\\:add").click();
            browser.type("#editor\\:name", ruleName);
            browser.choose("editor:tenant", tenant.name());
            browser.type("#editor\\:prompt", prompt);
            browser.until(() -> browser.present("[id='editor:now:first']"));
            browser.until(() -> browser.text("[id='editor:draft-problem']").contains("Choose what the rule does"));
            assertTrue(eligible(browser, "editor:now:ranking", "sim-local"), "sim-local is a candidate under the rules in force");

            browser.choose("editor:action-type", "use only one tier");
            browser.choose("editor:tier", "cloud");
            browser.until(() -> browser.text("[id='editor:draft:first-tier']").equals("CLOUD"));
            assertTrue(browser.text("[id='editor:draft:first']").startsWith("sim-"), browser.text("[id='editor:draft:first']"));
            assertFalse(eligible(browser, "editor:draft:ranking", "sim-local"), "the draft rule excludes sim-local");
            assertEquals("rule", exclusion(browser, "editor:draft:ranking", "sim-local"));
            assertTrue(eligible(browser, "editor:now:ranking", "sim-local"), "nothing was saved yet");
            assertTrue(browser.present("[id='editor:changed']"), "the page says the plan changes");
            browser.until(() -> browser.text("[id='editor:draft:reason']").contains(ruleName));
            browser.driver().manage().window().setSize(new Dimension(1440, 1700));
            browser.script("document.getElementById('editor:preview').scrollIntoView();");
            browser.screenshot("rules-preview");
            browser.driver().manage().window().setSize(new Dimension(1440, 1000));

            browser.find("#editor\\:save").click();
            browser.until(() -> browser.text("#rules\\:table").contains(ruleName));
            assertTrue(browser.text("#rules\\:table").contains("only the cloud tier"));
            assertFalse(browser.present("#editor\\:name"), "the editor closed");
            browser.screenshot("rules");
        }
        try {
            HttpResponse<String> answer = router.postChat(chatBody("auto", prompt, false, false), tenant.key(), null);
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("cloud", answer.headers().firstValue("x-router-tier").orElse(""), answer.headers().toString());
        } finally {
            deleteRule(ruleName);
        }
    }

    @Test
    void rulesMoveUpAndDownPauseAndGo() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Tenants.Created tenant = Tenants.create("order-" + tag);
        long first = createRule("it first " + tag, tenant.id(), 900_001, "{\"type\":\"forbid_backend\",\"backend\":\"sim-anthropic\"}");
        long second = createRule("it second " + tag, tenant.id(), 900_002, "{\"type\":\"disable_cache\"}");
        try (Browser browser = new Browser()) {
            browser.signIn("admin", ADMIN_PASSWORD);
            browser.waitFor("#dashboard");
            browser.open("/admin/rules/index.xhtml");
            browser.waitFor("#rules\\:table");

            rowButton(browser, "it first " + tag, "down").click();
            browser.until(() -> rule(first).path("priority").asInt() > rule(second).path("priority").asInt());
            browser.waitForAjax();
            assertTrue(browser.text("#rules\\:table").indexOf("it second " + tag)
                    < browser.text("#rules\\:table").indexOf("it first " + tag), "the list shows the new order");

            rowButton(browser, "it second " + tag, "disable").click();
            browser.until(() -> !rule(second).path("enabled").asBoolean());
            browser.waitForAjax();
            rowButton(browser, "it second " + tag, "enable").click();
            browser.until(() -> rule(second).path("enabled").asBoolean());
            browser.waitForAjax();

            rowButton(browser, "it first " + tag, "delete").click();
            browser.waitFor(".ui-confirmdialog-yes").click();
            browser.until(() -> admin.get("/admin/api/routing-rules/" + first).statusCode() == 404);
            browser.until(() -> !browser.text("#rules\\:table").contains("it first " + tag));
        } finally {
            admin.delete("/admin/api/routing-rules/" + first);
            admin.delete("/admin/api/routing-rules/" + second);
        }
    }

    @Test
    void anSlaPolicyIsCreatedEditedAssignedAndKeptWhileFollowed() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // the tenant's name must not be part of the policy's, or the row would "contain" it before the assignment
        Tenants.Created tenant = Tenants.create("follower-" + tag);
        String name = "it-sla-" + tag;
        try (Browser browser = new Browser()) {
            browser.signIn("admin", ADMIN_PASSWORD);
            browser.waitFor("#dashboard");
            browser.open("/admin/sla/index.xhtml");
            browser.type("#sla\\:name", name);
            browser.type("#sla\\:latency", "1500");
            browser.type("#sla\\:max-cost", "0.02");
            browser.type("#sla\\:min-quality", "0.5");
            browser.type("#sla\\:cost-weight", "200");
            browser.find("#sla\\:save").click();
            browser.until(() -> row(browser, name).contains("1500 ms"));
            assertTrue(row(browser, name).contains("$0.02"), row(browser, name));
            assertTrue(row(browser, name).contains("nobody"), row(browser, name));
            long id = policyId(name);
            assertEquals(20_000, policy(id).path("max_cost_micros").asLong());

            rowButton(browser, name, "edit").click();
            browser.until(() -> "1500".equals(browser.find("#sla\\:latency").getAttribute("value")));
            browser.type("#sla\\:latency", "2500");
            browser.find("#sla\\:save").click();
            browser.until(() -> row(browser, name).contains("2500 ms"));

            browser.choose("sla:assign-tenant", tenant.name());
            browser.choose("sla:assign-policy", name);
            browser.find("#sla\\:assign").click();
            browser.until(() -> row(browser, name).contains(tenant.name()));
            assertFalse(row(browser, name).contains("nobody"), row(browser, name));
            assertEquals(tenant.name(), policy(id).path("tenants").path(0).asText());
            browser.screenshot("sla");

            rowButton(browser, name, "delete").click();
            browser.waitFor(".ui-confirmdialog-yes").click();
            browser.until(() -> browser.text("#growl_container").contains("is followed by"));
            assertTrue(browser.text("#growl_container").contains(tenant.name()), browser.text("#growl_container"));
            assertEquals(200, admin.get("/admin/api/sla-policies/" + id).statusCode(), "a followed policy stays");

            browser.choose("sla:assign-policy", "the router's defaults");
            browser.find("#sla\\:assign").click();
            browser.until(() -> row(browser, name).contains("nobody"));
            rowButton(browser, name, "delete").click();
            browser.waitFor(".ui-confirmdialog-yes").click();
            browser.until(() -> admin.get("/admin/api/sla-policies/" + id).statusCode() == 404);
        } finally {
            admin.put("/admin/api/tenants/" + tenant.id() + "/sla-policy", "{\"policy_id\":null}");
            long id = policyId(name);
            if (id > 0) {
                admin.delete("/admin/api/sla-policies/" + id);
            }
        }
    }

    @Test
    void oneKeyFollowsAPolicyOfItsOwnAndThenItsTenantsAgain() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Tenants.Created tenant = Tenants.create("key-owner-" + tag);
        String name = "it-key-sla-" + tag;
        assertEquals(201, admin.post("/admin/api/sla-policies",
                "{\"name\":\"" + name + "\",\"latency_target_ms\":900}").statusCode());
        long id = policyId(name);
        try (Browser browser = new Browser()) {
            browser.signIn("admin", ADMIN_PASSWORD);
            browser.waitFor("#dashboard");
            browser.open("/admin/sla/index.xhtml");
            browser.until(() -> row(browser, name).contains("nobody"));

            browser.choose("sla:key-tenant", tenant.name());
            browser.choose("sla:key-id", tenant.keyId() + " (it)");
            browser.choose("sla:key-policy", name);
            browser.find("#sla\\:assign-key").click();
            browser.until(() -> row(browser, name).contains("1 key"));
            assertEquals(0, policy(id).path("tenants").size(), "the tenant itself does not follow");
            assertEquals(1, policy(id).path("api_key_ids").size());
            assertTrue(browser.text("#growl_container").contains("Key " + tenant.keyId() + " follows " + name),
                    browser.text("#growl_container"));

            browser.choose("sla:key-policy", "its tenant's policy");
            browser.find("#sla\\:assign-key").click();
            browser.until(() -> row(browser, name).contains("nobody"));
            assertEquals(0, policy(id).path("api_key_ids").size());
        } finally {
            admin.put("/admin/api/tenants/" + tenant.id() + "/keys/" + tenant.keyId() + "/sla-policy",
                    "{\"policy_id\":null}");
            admin.delete("/admin/api/sla-policies/" + id);
        }
    }

    @Test
    void theDecisionsPageShowsARequestAndOpensItsRanking() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Tenants.Created tenant = Tenants.create("decisions-" + tag);
        String requestId = "it-console-" + tag;
        HttpResponse<String> answer = router.postChat(chatBody("auto", "Name three primary colours " + tag, false, false),
                tenant.key(), requestId);
        assertEquals(200, answer.statusCode(), answer.body());
        String model = answer.headers().firstValue("x-router-model").orElseThrow();

        try (Browser browser = new Browser()) {
            browser.signIn("admin", ADMIN_PASSWORD);
            browser.waitFor("#dashboard");
            browser.open("/admin/decisions/index.xhtml");
            browser.waitFor("#decisions\\:table");
            browser.choose("decisions:tenant", tenant.name());
            browser.until(() -> browser.text("#decisions\\:table").contains(tenant.name()));
            assertTrue(browser.text("#decisions\\:table tbody tr").contains(model), browser.text("#decisions\\:table"));

            browser.find("#decisions\\:table\\:0\\:open").click();
            browser.until(() -> browser.present("[id='decisions:explained:ranking']"));
            assertTrue(browser.text("[id='decisions:opened']").contains(requestId), browser.text("[id='decisions:opened']"));
            assertEquals(model, browser.text("[id='decisions:explained:first']"));
            String ranking = browser.text("[id='decisions:explained:ranking']");
            for (String backend : new String[] {"sim-local", "sim-cloud", "sim-anthropic"}) {
                assertTrue(ranking.contains(backend), backend + " is ranked: " + ranking);
            }
            assertTrue(ranking.contains("Utility") && ranking.contains("Late penalty"), ranking);
            browser.screenshot("decisions");
        }
    }

    @Test
    void aViewerSeesTheRoutingPagesButChangesNothing() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Tenants.Created tenant = Tenants.create("viewer-rules-" + tag);
        long ruleId = createRule("it viewer " + tag, tenant.id(), 900_100, "{\"type\":\"disable_cache\"}");
        String viewer = "viewer-" + tag;
        String password = "viewer-" + UUID.randomUUID();
        HttpResponse<String> created = admin.post("/admin/api/users", RouterClient.JSON.createObjectNode()
                .put("username", viewer).put("password", password).put("role", "router-viewer").toString());
        assertEquals(201, created.statusCode(), created.body());
        String forgedPolicy = "forged-" + tag;
        try (Browser browser = new Browser()) {
            browser.signIn(viewer, password);
            browser.waitFor("#dashboard");

            browser.open("/admin/rules/index.xhtml");
            browser.until(() -> browser.text("#rules\\:table").contains("it viewer " + tag));
            assertFalse(browser.present("#rules\\:add"), "no add button");
            assertFalse(browser.present("#rules\\:table [id$=':delete']"), "no delete button");
            assertFalse(browser.present("#rules\\:table [id$=':down']"), "no move button");
            assertFalse(browser.present("#rules\\:table [id$=':edit']"), "no edit button");
            browser.choose("editor:preview-tenant", tenant.name());
            browser.type("#editor\\:prompt", "Hello there " + tag);
            browser.until(() -> browser.present("[id='editor:now:first']"));
            browser.screenshot("rules-viewer");
            Object status = forge(browser, "rules", "rules:table:0:delete", "");
            assertEquals(200L, ((Number) status).longValue());

            browser.open("/admin/sla/index.xhtml");
            browser.waitFor("#sla\\:table");
            assertFalse(browser.present("#sla\\:save"), "no create button");
            assertFalse(browser.present("#sla\\:assign"), "no assign button");
            Object slaStatus = forge(browser, "sla", "sla:save",
                    "form.append('sla:name', '" + forgedPolicy + "'); form.append('sla:latency', '1000');");
            assertEquals(200L, ((Number) slaStatus).longValue());

            browser.open("/admin/decisions/index.xhtml");
            browser.waitFor("#decisions\\:table");
            assertTrue(browser.present(".readonly-banner"));
        } finally {
            assertEquals(200, admin.get("/admin/api/routing-rules/" + ruleId).statusCode(), "the rule is still there");
            admin.delete("/admin/api/routing-rules/" + ruleId);
        }
        assertEquals(0, policyId(forgedPolicy), "the forged policy was not created");
    }

    /** A POST built by hand with the page's real view state, as if the button were there. */
    private static Object forge(Browser browser, String form, String button, String fields) {
        return browser.script("const form = new URLSearchParams();"
                + "form.append(arguments[0], arguments[0]); form.append(arguments[0] + '_SUBMIT', '1');"
                + fields
                + "form.append(arguments[1], arguments[1]);"
                + "form.append('jakarta.faces.ViewState', document.querySelector(\"input[name='jakarta.faces.ViewState']\").value);"
                + "return fetch(location.pathname, {method: 'POST', body: form, credentials: 'same-origin'})"
                + ".then(r => r.status);", form, button);
    }

    /** Whether the candidate's row of a ranking table carries no exclusion. */
    private static boolean eligible(Browser browser, String tableId, String backend) {
        return exclusion(browser, tableId, backend).isEmpty();
    }

    private static String exclusion(Browser browser, String tableId, String backend) {
        WebElement row = browser.driver().findElement(By.xpath("//*[@id='" + tableId + "']//tbody/tr[td[1][normalize-space()='"
                + backend + "']]"));
        return row.findElements(By.cssSelector(".exclusion")).stream().findFirst().map(WebElement::getText).orElse("");
    }

    private static WebElement rowButton(Browser browser, String name, String button) {
        return browser.driver().findElement(By.xpath("//tr[.//strong[normalize-space()='" + name
                + "']]//button[contains(@id, ':" + button + "')]"));
    }

    private static String row(Browser browser, String name) {
        return browser.driver().findElements(By.xpath("//tr[.//strong[normalize-space()='" + name + "']]")).stream()
                .findFirst().map(WebElement::getText).orElse("");
    }

    private long createRule(String name, long tenantId, int priority, String action) {
        HttpResponse<String> created = admin.post("/admin/api/routing-rules", "{\"name\":\"" + name + "\",\"tenant_id\":"
                + tenantId + ",\"priority\":" + priority + ",\"condition\":{},\"action\":" + action + "}");
        assertEquals(201, created.statusCode(), created.body());
        return json(created.body()).get("id").asLong();
    }

    private JsonNode rule(long id) {
        return json(admin.get("/admin/api/routing-rules/" + id).body());
    }

    private void deleteRule(String name) {
        for (JsonNode r : json(admin.get("/admin/api/routing-rules").body()).path("data")) {
            if (r.path("name").asText().equals(name)) {
                admin.delete("/admin/api/routing-rules/" + r.path("id").asLong());
            }
        }
    }

    private JsonNode policy(long id) {
        return json(admin.get("/admin/api/sla-policies/" + id).body());
    }

    /** The policy's id, or 0 when there is none of that name. */
    private long policyId(String name) {
        for (JsonNode p : json(admin.get("/admin/api/sla-policies").body()).path("data")) {
            if (p.path("name").asText().equals(name)) {
                return p.path("id").asLong();
            }
        }
        return 0;
    }
}
