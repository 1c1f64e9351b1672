package it.route;

import static it.support.RouterClient.chatBody;
import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.support.Ledger;
import it.support.RouterClient;
import it.support.SimulatorCalls;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Explain shows the plan that route then follows, and calls nothing. */
class ExplainIT {

    private final RouterClient client = new RouterClient();

    @Test
    void explainMatchesWhatRouteDoesAndCallsNoBackend() {
        String tag = "ex" + UUID.randomUUID().toString().replace("-", "");
        String id = "it-" + UUID.randomUUID();
        String simple = chatBody("auto", "What is the boiling point of water? [[sim tag=" + tag + "]]", false, false);

        HttpResponse<String> explained = client.post("/v1/route/explain", simple, id);

        assertEquals(200, explained.statusCode(), explained.body());
        JsonNode plan = json(explained.body());
        assertEquals("route.explanation", plan.get("object").asText());
        assertTrue(plan.get("reason").asText().startsWith("auto:"));
        JsonNode first = plan.get("candidates").get(0);
        assertEquals(1, first.get("rank").asInt());
        assertEquals("sim-local", first.get("model").asText());
        assertEquals("local", first.get("tier").asText());
        assertTrue(plan.get("candidates").size() >= 2, "the other tier stays as fallback");
        assertEquals(0, SimulatorCalls.count(tag), "no backend was called");
        assertEquals(0, Ledger.rows(id).size(), "nothing was recorded");

        HttpResponse<String> routed = client.postChat(simple);
        assertEquals(first.get("model").asText(), json(routed.body()).get("model").asText());
    }

    @Test
    void complexPromptsPlanTheCloudFirstAndPinnedModelsOnlyThemselves() {
        JsonNode complex = json(client.post("/v1/route/explain",
                chatBody("auto", "Refactor this function and prove it is correct step by step.", false, false), null)
                .body());
        JsonNode pinned = json(client.post("/v1/route/explain", chatBody("sim-cloud", "Hi", false, false), null).body());

        assertEquals("cloud", complex.get("candidates").get(0).get("tier").asText());
        assertEquals(1, pinned.get("candidates").size());
        assertEquals("sim-cloud", pinned.get("candidates").get(0).get("model").asText());
    }

    @Test
    void badInputAndUnknownModelsAreRefusedLikeChatCompletions() {
        assertEquals(400, client.post("/v1/route/explain", "{\"messages\": [", null).statusCode());
        assertEquals(404, client.post("/v1/route/explain", chatBody("gpt-99", "Hi", false, false), null).statusCode());
        assertEquals(401, client.postTo("/v1/route/explain", chatBody("auto", "Hi", false, false), null).statusCode());
    }
}
