package it.health;

import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.support.Ledger;
import it.support.RouterClient;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthIT {

    private final RouterClient client = new RouterClient();

    @Test
    void readyWithMigratedDatabaseAndEachBackendReported() {
        HttpResponse<String> response = client.get("/health/ready", null);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json(response.body());
        assertEquals("UP", body.get("status").asText());
        Map<String, JsonNode> checks = new HashMap<>();
        body.get("checks").forEach(c -> checks.put(c.get("name").asText(), c));
        assertEquals("UP", checks.get("database").get("status").asText());
        assertEquals(Ledger.latestMigration(), checks.get("database").get("data").get("schemaVersion").asText());
        JsonNode backends = checks.get("backends");
        assertEquals("UP", backends.get("status").asText());
        assertTrue(backends.get("data").get("sim-local").asText().startsWith("UP"), backends.toString());
        assertTrue(backends.get("data").get("sim-cloud").asText().contains("simulated"), backends.toString());
    }

    @Test
    void live() {
        HttpResponse<String> response = client.get("/health/live", null);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("UP", json(response.body()).get("status").asText());
    }

    @Test
    void openApiDocumentsTheApi() {
        HttpResponse<String> response = client.get("/openapi", null);
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("/v1/chat/completions"), response.body());
        assertTrue(response.body().contains("/v1/models"));
        assertTrue(response.body().contains("bearer"));
    }
}
