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
        assertEquals("MISS", plan.get("cache").get("status").asText());
        JsonNode first = plan.get("candidates").get(0);
        assertEquals(1, first.get("rank").asInt());
        assertEquals(plan.get("ranking").get(0).get("model").asText(), first.get("model").asText());
        assertTrue(plan.get("candidates").size() >= 2, "the other candidates stay as fallbacks");
        assertTrue(plan.get("prompt").get("difficulty").asDouble() >= 0);
        assertTrue(plan.get("weights").get("cost_per_usd").asDouble() > 0);
        assertEquals(0, SimulatorCalls.count(tag), "no backend was called");
        assertEquals(0, Ledger.rows(id).size(), "nothing was recorded");

        HttpResponse<String> routed = client.postChat(simple);
        assertEquals(first.get("model").asText(), json(routed.body()).get("model").asText());
    }

    @Test
    void harderPromptsRaiseTheLocalModelsPredictedFailureAndPinnedModelsPlanOnlyThemselves() {
        JsonNode easy = json(client.post("/v1/route/explain",
                chatBody("auto", "What is the capital of France?", false, false), null).body());
        JsonNode hard = json(client.post("/v1/route/explain", chatBody("auto",
                "A train leaves at 3:15 pm at 84 km/h; a second leaves the same station at 4:05 pm at 112 km/h. "
                        + "At what time, to the minute, does the second catch up, and how far from the station? "
                        + "Show each step of the calculation.", false, false), null).body());
        JsonNode pinned = json(client.post("/v1/route/explain", chatBody("sim-cloud", "Hi", false, false), null).body());

        assertTrue(hard.get("prompt").get("difficulty").asDouble() > easy.get("prompt").get("difficulty").asDouble(),
                easy.get("prompt") + " vs " + hard.get("prompt"));
        assertEquals("math", hard.get("prompt").get("category").asText());
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
