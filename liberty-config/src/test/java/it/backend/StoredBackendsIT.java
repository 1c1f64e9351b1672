package it.backend;

import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.support.RouterClient;
import it.support.StoredBackends;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Backends defined in the database reach every router instance without a restart (both IT servers
 * share one PostgreSQL), switch off and on, disappear when deleted, are refused when their URL
 * breaks the rules even if written straight into the table, and report the model's residency from
 * the simulated Ollama's /api/ps.
 */
class StoredBackendsIT {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    private final RouterClient first = new RouterClient();
    private final RouterClient second = new RouterClient(System.getProperty("router.url2", "http://localhost:19180"));
    private final String simulator = System.getProperty("router.simulator.url");

    private static String newName() {
        return "it-stored-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void insertLocal(String name) {
        StoredBackends.insert(name, "ollama", "LOCAL", simulator, "sim-local-8b", null, 5_000, null);
    }

    private HttpResponse<String> ask(RouterClient client, String name) {
        return client.postChat("{\"model\":\"" + name + "\",\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"Hi [[sim tokens=3 ttft=5 tps=500]]\"}],\"cache\":{\"no-store\":true,\"no-cache\":true}}",
                client.apiKey(), null);
    }

    @Test
    void aStoredBackendReachesBothInstancesAndLeavesThemWhenDisabledOrDeleted() {
        String name = newName();
        try {
            insertLocal(name);

            StoredBackends.awaitListed(first, name, true, WITHIN);
            StoredBackends.awaitListed(second, name, true, WITHIN);
            assertEquals(200, ask(first, name).statusCode());
            HttpResponse<String> fromSecond = ask(second, name);
            assertEquals(200, fromSecond.statusCode(), fromSecond.body());
            assertEquals("local", fromSecond.headers().firstValue("x-router-tier").orElseThrow());

            StoredBackends.execute("update backends set enabled = false, updated_at = now() where name = ?", name);
            StoredBackends.awaitListed(first, name, false, WITHIN);
            StoredBackends.awaitListed(second, name, false, WITHIN);
            assertEquals(404, ask(second, name).statusCode(), "a disabled backend is an unknown model");

            StoredBackends.execute("update backends set enabled = true, updated_at = now() where name = ?", name);
            StoredBackends.awaitListed(second, name, true, WITHIN);

            StoredBackends.delete(name);
            StoredBackends.awaitListed(first, name, false, WITHIN);
            StoredBackends.awaitListed(second, name, false, WITHIN);
        } finally {
            StoredBackends.delete(name);
        }
    }

    @Test
    void aChangedSettingTakesEffectWithoutARestart() {
        String name = newName();
        try {
            insertLocal(name);
            StoredBackends.awaitListed(first, name, true, WITHIN);

            // The simulated Ollama does not serve this model: once the change is in, the call fails.
            StoredBackends.execute("update backends set upstream_model = 'not-pulled:1b', updated_at = now()"
                    + " where name = ?", name);
            StoredBackends.await(WITHIN, c -> ask(c, name).statusCode() == 502, first, name + " uses the new model");
        } finally {
            StoredBackends.delete(name);
            StoredBackends.awaitListed(first, name, false, WITHIN);
        }
    }

    @Test
    void aForbiddenUrlWrittenStraightIntoTheTableIsNeverStarted() {
        String metadata = newName();
        String loopbackNotAllowed = newName();
        String control = newName();
        try {
            StoredBackends.insert(metadata, "openai", "CLOUD", "http://169.254.169.254/latest", "m", null, 5_000, null);
            StoredBackends.insert(loopbackNotAllowed, "ollama", "LOCAL", simulator, "sim-local-8b", null, 5_000,
                    "update backends set allow_private_network = false where name = ?");
            insertLocal(control);

            // Once the control backend is listed, the same refresh has looked at the other two.
            StoredBackends.awaitListed(first, control, true, WITHIN);
            assertFalse(StoredBackends.listed(first, metadata));
            assertFalse(StoredBackends.listed(first, loopbackNotAllowed));
        } finally {
            StoredBackends.delete(metadata);
            StoredBackends.delete(loopbackNotAllowed);
            StoredBackends.delete(control);
            StoredBackends.awaitListed(first, control, false, WITHIN);
        }
    }

    @Test
    void healthShowsWhetherTheOllamaModelIsLoaded() throws Exception {
        String name = newName();
        try {
            insertLocal(name);
            StoredBackends.awaitListed(first, name, true, WITHIN);
            assertEquals(200, ask(first, name).statusCode());
            StoredBackends.await(WITHIN, c -> health(c, name).endsWith(", model loaded"), first, "loaded");

            unload("sim-local-8b");
            StoredBackends.await(WITHIN, c -> health(c, name).contains("model not loaded"), first,
                    "not loaded after keep_alive 0: " + health(first, name));

            assertEquals(200, ask(first, name).statusCode(), "a cold load, then the answer");
            StoredBackends.await(WITHIN, c -> health(c, name).endsWith(", model loaded"), first, "loaded again");
        } finally {
            StoredBackends.delete(name);
            StoredBackends.awaitListed(first, name, false, WITHIN);
        }
    }

    /** Ollama's own way to unload a model: an empty chat with keep_alive 0. */
    private void unload(String model) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(simulator + "/api/chat"))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"model\":\"" + model + "\",\"messages\":[],\"keep_alive\":0}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("unload", json(response.body()).get("done_reason").asText(), response.body());
    }

    private static String health(RouterClient client, String name) {
        JsonNode body = json(client.get("/health/ready", null).body());
        for (JsonNode check : body.get("checks")) {
            if ("backends".equals(check.get("name").asText())) {
                return check.at("/data/" + name).asText("");
            }
        }
        return "";
    }

    @Test
    void theAdminApiRefusesCallersWithoutAnAdministratorAccount() {
        HttpResponse<String> response = first.get("/admin/api/backends", null);

        assertEquals(401, response.statusCode(), response.body());
        assertTrue(json(response.body()).has("error"), response.body());
        assertFalse(response.body().contains("Exception"), response.body());
    }
}
