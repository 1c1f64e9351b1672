package it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.support.AdminClient;
import it.support.Browser;
import it.support.RouterClient;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

/**
 * The admin console in headless Chromium against the started server: sign in, create a tenant and a
 * key, send real requests with that key and see them in the dashboard's charts; a viewer sees every
 * page but the server refuses a change even when the POST is forged. Screenshots of every page go to
 * target/screenshots.
 */
class ConsoleIT {

    private static final String ADMIN_PASSWORD = System.getProperty("router.admin-password");
    private static final String[] PAGES = {"dashboard", "tenants", "budgets", "cache", "backends", "requests",
        "decisions", "rules", "sla"};
    /** Pages whose screenshot another test takes with something to show (RoutingConsoleIT). */
    private static final Set<String> SHOT_ELSEWHERE = Set.of("dashboard", "tenants", "decisions",
            "rules", "sla");

    private final RouterClient router = new RouterClient();
    private final AdminClient admin = new AdminClient();

    @Test
    void pagesNeedASignedInUser() {
        try (Browser browser = new Browser()) {
            browser.open("/admin/tenants/index.xhtml");
            browser.waitFor("#login\\:submit");
            assertTrue(browser.url().contains("/admin/login.xhtml"), browser.url());
            browser.screenshot("login");

            browser.type("#login\\:username", "admin");
            browser.type("#login\\:password", "not-the-password");
            browser.clickAndWaitForPage("#login\\:submit");
            assertTrue(browser.find("#login\\:messages").getText().contains("Sign-in failed"));
        }
    }

    @Test
    void adminCreatesATenantAndAKeyAndTheDashboardChartsItsRequests() throws Exception {
        String tenant = "console-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = new Browser()) {
            browser.signIn("admin", ADMIN_PASSWORD);
            browser.waitFor("#dashboard");
            assertEquals("router-admin", browser.find("#who-role").getText());
            Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
            assertNotNull(session, "session cookie");
            assertTrue(session.isHttpOnly(), "session cookie is HttpOnly");
            assertEquals("Strict", session.getSameSite());

            browser.open("/admin/tenants/index.xhtml");
            browser.type("#tenants\\:new-name", tenant);
            browser.find("#tenants\\:create").click();
            browser.waitFor("#tenants\\:create-key");
            assertTrue(browser.find("#tenants").getText().contains(tenant));
            browser.find("#tenants\\:create-key").click();
            String key = browser.waitFor("#tenants\\:secret").getAttribute("value");
            assertTrue(key.startsWith("llmr_"), key);
            browser.screenshot("tenants");

            // Real traffic with the new key: two different questions and one repeat (a cache hit).
            for (String question : new String[] {"What is the capital of Norway?", "Name three primary colours",
                    "What is the capital of Norway?"}) {
                HttpResponse<String> answer = router.postChat(
                        "{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"" + question + "\"}]}", key,
                        null);
                assertEquals(200, answer.statusCode(), answer.body());
            }

            browser.open("/admin/dashboard/index.xhtml");
            browser.waitFor("#dashboard");
            for (String chart : new String[] {"requests-chart", "spend-chart", "tier-chart", "latency-chart"}) {
                assertTrue(browser.chartDrawn("dashboard:" + chart), chart + " is drawn");
            }
            assertTrue(browser.chartTotal("dashboard:requests-chart") >= 3, "the three requests are counted");
            assertTrue(browser.chartTotal("dashboard:tier-chart") >= 1, "answers per tier");
            assertTrue(Long.parseLong(browser.find("#kpi-answered").getText()) >= 3);
            browser.screenshot("dashboard");

            for (String page : PAGES) {
                browser.open("/admin/" + page + "/index.xhtml");
                browser.waitFor(".topbar h1");
                assertFalse(browser.driver().getPageSource().contains("SRVE"), page + " renders");
                if (!SHOT_ELSEWHERE.contains(page)) {
                    browser.screenshot(page);
                }
            }
            browser.open("/admin/requests/index.xhtml");
            assertTrue(browser.waitFor("#requests\\:table").getText().contains(tenant), "the ledger shows the tenant");
        }
    }

    @Test
    void aViewerSeesEveryPageButTheServerRefusesAnyChange() throws Exception {
        String viewer = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "viewer-" + UUID.randomUUID();
        HttpResponse<String> created = admin.post("/admin/api/users", RouterClient.JSON.createObjectNode()
                .put("username", viewer).put("password", password).put("role", "router-viewer").toString());
        assertEquals(201, created.statusCode(), created.body());

        try (Browser browser = new Browser()) {
            browser.signIn(viewer, password);
            browser.waitFor("#dashboard");
            assertEquals("router-viewer", browser.find("#who-role").getText());
            assertTrue(browser.present(".readonly-banner"));

            browser.open("/admin/tenants/index.xhtml");
            browser.waitFor("#tenants\\:table");
            assertFalse(browser.present("#tenants\\:create"), "no create button for a viewer");
            assertFalse(browser.present("[id$=':suspend']"), "no suspend button for a viewer");
            browser.screenshot("tenants-viewer");

            // A POST built by hand with this page's real view state, as if the button were there.
            String forged = "forged-" + UUID.randomUUID().toString().substring(0, 8);
            Object status = browser.script(
                    "const form = new URLSearchParams();"
                            + "form.append('tenants', 'tenants'); form.append('tenants_SUBMIT', '1');"
                            + "form.append('tenants:new-name', arguments[0]); form.append('tenants:create', 'tenants:create');"
                            + "form.append('jakarta.faces.ViewState', document.querySelector(\"input[name='jakarta.faces.ViewState']\").value);"
                            + "return fetch(location.pathname, {method: 'POST', body: form, credentials: 'same-origin'})"
                            + ".then(r => r.status);", forged);
            assertEquals(200L, ((Number) status).longValue());
            // And one without a valid view state.
            Object expired = browser.script(
                    "const form = new URLSearchParams();"
                            + "form.append('tenants', 'tenants'); form.append('tenants_SUBMIT', '1');"
                            + "form.append('tenants:new-name', arguments[0]); form.append('tenants:create', 'tenants:create');"
                            + "form.append('jakarta.faces.ViewState', 'stolen');"
                            + "return fetch(location.pathname, {method: 'POST', body: form, credentials: 'same-origin'})"
                            + ".then(r => r.text());", forged);
            assertTrue(String.valueOf(expired).contains("Nothing was changed"), String.valueOf(expired));

            JsonNode tenants = RouterClient.JSON.readTree(admin.get("/admin/api/tenants").body());
            for (JsonNode t : tenants.path("data")) {
                assertFalse(t.path("name").asText().equals(forged), "the forged tenant was not created");
            }
            assertFalse(admin.get("/admin/api/tenants").body().contains(forged));
        }
    }
}
