package it.backend;

import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.support.Ledger;
import it.support.RouterClient;
import it.support.SimulatorCalls;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Anthropic adapter through the whole EAR, against the simulator's Messages API ({@code sim-anthropic}):
 * the OpenAI-shaped answer the router gives back, the conversation it sent, usage, cost and faults.
 * A bad upstream key cannot be set per request; the simulator's own tests cover the 401.
 */
class AnthropicIT {

    private static final String MODEL = "sim-anthropic";
    private static final String FAST = " ttft=5 tps=500";
    /** The default Anthropic prices, micro-USD per million tokens (microprofile-config.properties). */
    private static final long INPUT_PRICE = 800_000;
    private static final long OUTPUT_PRICE = 4_000_000;

    private final RouterClient client = new RouterClient();

    private static String newTag() {
        return "an" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String newRequestId() {
        return "it-an-" + UUID.randomUUID();
    }

    /** A chat body that neither reads nor fills the semantic cache, so every request reaches the backend. */
    private static ObjectNode uncached(String message, boolean stream) {
        ObjectNode root = (ObjectNode) json(RouterClient.chatBody(MODEL, message, stream, stream));
        root.putObject("cache").put("no-cache", true).put("no-store", true);
        return root;
    }

    private HttpResponse<String> post(ObjectNode body, String requestId) {
        return client.postChat(body.toString(), client.apiKey(), requestId);
    }

    @Test
    void aPinnedAnswerIsTranslatedAndChargedAsCloud() {
        String id = newRequestId();

        HttpResponse<String> response = post(uncached("Summarise the French revolution. [[sim tokens=20" + FAST + "]]",
                false), id);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json(response.body());
        assertEquals("chat.completion", body.get("object").asText());
        assertEquals(MODEL, body.get("model").asText());
        JsonNode choice = body.at("/choices/0");
        assertEquals("assistant", choice.at("/message/role").asText());
        assertTrue(choice.at("/message/content").asText().startsWith("[simulated sim-anthropic] "), body.toString());
        assertEquals("stop", choice.get("finish_reason").asText(), "end_turn");
        int prompt = body.at("/usage/prompt_tokens").asInt();
        assertTrue(prompt > 0);
        assertEquals(20, body.at("/usage/completion_tokens").asInt());
        assertEquals("cloud", response.headers().firstValue("x-router-tier").orElseThrow());
        assertEquals("true", response.headers().firstValue("x-router-simulated").orElseThrow());

        List<Ledger.Row> rows = Ledger.rows(id);
        assertEquals(1, rows.size());
        Ledger.Row row = rows.get(0);
        assertEquals(MODEL, row.backend());
        assertEquals("CLOUD", row.tier());
        assertEquals("OK", row.outcome());
        assertEquals(prompt, row.promptTokens());
        assertEquals(20, row.completionTokens());
        assertEquals(ceilDiv(prompt * INPUT_PRICE, 1_000_000) + ceilDiv(20 * OUTPUT_PRICE, 1_000_000),
                row.costMicros());
        assertTrue(row.costMicros() > 0);
    }

    @Test
    void maxTokensReachedIsFinishReasonLength() {
        ObjectNode body = uncached("Tell a long story [[sim" + FAST + "]]", false).put("max_tokens", 3);

        HttpResponse<String> response = post(body, newRequestId());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("length", json(response.body()).at("/choices/0/finish_reason").asText());
        assertEquals(3, json(response.body()).at("/usage/completion_tokens").asInt());
    }

    @Test
    void aStreamWithUsageEndsWithDone() {
        String id = newRequestId();

        HttpResponse<String> response = post(uncached("Say hello. [[sim tokens=12" + FAST + "]]", true), id);

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("content-type").orElseThrow().startsWith("text/event-stream"));
        List<String> events = RouterClient.sseData(response.body());
        assertEquals("[DONE]", events.get(events.size() - 1), response.body());
        StringBuilder content = new StringBuilder();
        String finish = null;
        JsonNode usage = null;
        for (String event : events.subList(0, events.size() - 1)) {
            JsonNode chunk = json(event);
            assertEquals(MODEL, chunk.get("model").asText());
            if (chunk.get("choices").isEmpty()) {
                usage = chunk.get("usage");
                continue;
            }
            JsonNode choice = chunk.at("/choices/0");
            content.append(choice.at("/delta/content").asText(""));
            if (!choice.get("finish_reason").isNull()) {
                finish = choice.get("finish_reason").asText();
            }
        }
        assertTrue(content.toString().startsWith("[simulated sim-anthropic] "), content.toString());
        assertEquals("stop", finish);
        assertTrue(usage != null, "a usage chunk before [DONE]: " + response.body());
        assertEquals(12, usage.get("completion_tokens").asInt());
        assertTrue(usage.get("prompt_tokens").asInt() > 0, "input tokens from message_start");

        Ledger.Row row = Ledger.rows(id).get(0);
        assertEquals("OK", row.outcome());
        assertEquals("CLOUD", row.tier());
        assertTrue(row.streamed());
        assertEquals(usage.get("prompt_tokens").asInt(), row.promptTokens());
        assertEquals(12, row.completionTokens());
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
    void aRateLimitWaitsForRetryAfter() {
        String tag = newTag();
        long start = System.nanoTime();

        HttpResponse<String> response = post(uncached("Hello [[sim status=429 fail_first=1 tag=" + tag + FAST + "]]",
                false), newRequestId());

        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(2, SimulatorCalls.count(tag));
        assertTrue(tookMillis >= 950, "the simulator's retry-after: 1 was honoured, took " + tookMillis + " ms");
    }

    @Test
    void anInvalidRequestIsNotRetried() {
        String tag = newTag();
        String id = newRequestId();

        HttpResponse<String> response = post(uncached("Hello [[sim status=400 tag=" + tag + FAST + "]]", false), id);

        assertEquals(502, response.statusCode(), response.body());
        assertEquals(1, SimulatorCalls.count(tag));
        assertEquals("upstream_http_400", Ledger.rows(id).get(0).errorCode());
    }

    @Test
    void anErrorEventMidStreamEndsTheStreamWithoutDone() {
        String tag = newTag();
        String id = newRequestId();

        HttpResponse<String> response = post(uncached("Tell a story [[sim error_after=2 tag=" + tag + FAST + "]]",
                true), id);

        assertEquals(200, response.statusCode(), response.body());
        List<String> events = RouterClient.sseData(response.body());
        assertFalse(events.contains("[DONE]"), response.body());
        assertTrue(json(events.get(events.size() - 1)).has("error"), "last event is the error: " + response.body());
        assertEquals(1, SimulatorCalls.count(tag), "text reached the client: no second attempt");
        Ledger.Row row = Ledger.rows(id).get(0);
        assertEquals("UPSTREAM_ERROR", row.outcome());
        assertTrue(row.completionTokens() > 0, "partial usage is recorded");
    }

    @Test
    void theProbeListsModelsWithTheKey() {
        JsonNode body = json(client.get("/health/ready", null).body());
        for (JsonNode check : body.get("checks")) {
            if ("backends".equals(check.get("name").asText())) {
                assertTrue(check.at("/data/" + MODEL).asText().startsWith("UP"), check.toString());
                return;
            }
        }
        throw new AssertionError("no backends check: " + body);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
