package it.api;

import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.support.RouterClient;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelsIT {

    private final RouterClient client = new RouterClient();

    @Test
    void listsAutoAndTheSimulatedModelsLabelledAsSuch() {
        HttpResponse<String> response = client.get("/v1/models", client.apiKey());

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json(response.body());
        assertEquals("list", body.get("object").asText());
        Map<String, JsonNode> byId = new HashMap<>();
        body.get("data").forEach(m -> byId.put(m.get("id").asText(), m));
        assertEquals(4, byId.size(), response.body());
        assertTrue(byId.containsKey("auto"));
        assertEquals("local", byId.get("sim-local").get("tier").asText());
        assertEquals("cloud", byId.get("sim-cloud").get("tier").asText());
        assertEquals("cloud", byId.get("sim-anthropic").get("tier").asText());
        assertTrue(byId.get("sim-anthropic").get("simulated").asBoolean());
        assertTrue(byId.get("sim-local").get("simulated").asBoolean());
        assertTrue(byId.get("sim-cloud").get("owned_by").asText().contains("simulated"));
        assertEquals("model", byId.get("sim-cloud").get("object").asText());
    }

    @Test
    void needsAKey() {
        assertEquals(401, client.get("/v1/models", null).statusCode());
    }
}
