package it.backend;

import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.support.Ledger;
import it.support.RouterClient;
import it.support.SimulatorCalls;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Anthropic adapter through the whole EAR, against the simulator's Messages API: the shared backend
 * contract, plus what is Anthropic's own: the OpenAI-shaped answer translated back, the conversation it
 * sent (system prompts joined, turns merged), cost at the configured Anthropic prices, and 529 overloaded.
 * A bad upstream key cannot be set per request; the simulator's own tests cover the 401.
 */
class AnthropicIT extends AbstractInferenceBackendIT {

    private static final String UPSTREAM_MODEL = "claude-sim-haiku";
    /** The default Anthropic prices, micro-USD per million tokens (microprofile-config.properties). */
    private static final long INPUT_PRICE = 800_000;
    private static final long OUTPUT_PRICE = 4_000_000;

    @Override
    protected String kind() {
        return "anthropic";
    }

    @Override
    protected String tier() {
        return "CLOUD";
    }

    @Override
    protected String baseUrl(String simulatorUrl) {
        return simulatorUrl + "/anthropic";
    }

    @Override
    protected String upstreamModel() {
        return UPSTREAM_MODEL;
    }

    @Test
    void aPinnedAnswerIsTranslatedAndChargedAsCloud() {
        String id = newRequestId();

        HttpResponse<String> response = post(uncached("Summarise the French revolution. [[sim tokens=20" + FAST + "]]",
                false), id);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json(response.body());
        assertEquals("chat.completion", body.get("object").asText());
        assertEquals(model, body.get("model").asText());
        JsonNode choice = body.at("/choices/0");
        assertEquals("assistant", choice.at("/message/role").asText());
        assertTrue(choice.at("/message/content").asText().startsWith("[simulated " + UPSTREAM_MODEL + "] "), body.toString());
        assertEquals("stop", choice.get("finish_reason").asText(), "end_turn");
        int prompt = body.at("/usage/prompt_tokens").asInt();
        assertTrue(prompt > 0);
        assertEquals(20, body.at("/usage/completion_tokens").asInt());
        assertEquals("cloud", response.headers().firstValue("x-router-tier").orElseThrow());
        assertEquals("true", response.headers().firstValue("x-router-simulated").orElseThrow());

        List<Ledger.Row> rows = Ledger.rows(id);
        assertEquals(1, rows.size());
        Ledger.Row row = rows.get(0);
        assertEquals(model, row.backend());
        assertEquals("CLOUD", row.tier());
        assertEquals("OK", row.outcome());
        assertEquals(prompt, row.promptTokens());
        assertEquals(20, row.completionTokens());
        assertEquals(ceilDiv(prompt * INPUT_PRICE, 1_000_000) + ceilDiv(20 * OUTPUT_PRICE, 1_000_000),
                row.costMicros());
        assertTrue(row.costMicros() > 0);
    }

    @Test
    void systemPromptsJoinAndConsecutiveTurnsMerge() {
        ObjectNode body = uncached("unused", false);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", "Be terse.");
        messages.addObject().put("role", "user").put("content", "Hello");
        messages.addObject().put("role", "assistant").put("content", "Hi!");
        messages.addObject().put("role", "developer").put("content", "Answer in English.");
        messages.addObject().put("role", "user").put("content", "First question.");
        messages.addObject().put("role", "user").put("content", "Second question. [[sim tokens=30" + FAST + "]]");

        HttpResponse<String> response = post(body, newRequestId());

        // The simulator rejects a system role or two user turns in a row with a 400, and names what it received.
        assertEquals(200, response.statusCode(), response.body());
        String answer = json(response.body()).at("/choices/0/message/content").asText();
        int systemChars = "Be terse.\n\nAnswer in English.".length();
        assertTrue(answer.contains("(system " + systemChars + " chars; turns user,assistant,user)"), answer);
        assertTrue(answer.contains("First question. Second question."), answer);
    }

    @Test
    void anOverloadedUpstreamIsRetriedAndAnswers() {
        String tag = newTag();
        String id = newRequestId();

        HttpResponse<String> response = post(uncached("Hello [[sim status=529 fail_first=1 tag=" + tag + FAST + "]]",
                false), id);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(2, SimulatorCalls.count(tag), "the overloaded attempt and the one that answered");
        assertTrue(response.headers().firstValue("x-router-reason").orElseThrow().contains("after 2 attempts"));
        List<Ledger.Row> rows = Ledger.rows(id);
        assertEquals(1, rows.size());
        assertEquals("OK", rows.get(0).outcome());
    }

    @Test
    void theProbeListsModelsWithTheKey() {
        JsonNode body = json(client.get("/health/ready", null).body());
        for (JsonNode check : body.get("checks")) {
            if ("backends".equals(check.get("name").asText())) {
                assertTrue(check.at("/data/" + model).asText().startsWith("UP"), check.toString());
                return;
            }
        }
        throw new AssertionError("no backends check: " + body);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
