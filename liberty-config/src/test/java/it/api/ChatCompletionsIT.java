package it.api;

import static it.support.RouterClient.chatBody;
import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.support.Ledger;
import it.support.RouterClient;
import it.support.SimulatorCalls;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Real requests through the EAR on Liberty to both simulated tiers, checked down to the ledger row. */
class ChatCompletionsIT {

    /** Keeps the simulated models quick; the simulator strips directives from the answer. */
    private static final String FAST = " [[sim ttft=5 tps=500]]";

    private final RouterClient client = new RouterClient();

    private static String newRequestId() {
        return "it-" + UUID.randomUUID();
    }

    @Test
    void localTierAnswersAndIsRecorded() {
        String id = newRequestId();
        HttpResponse<String> response = client.postChat(chatBody("sim-local", "What is the capital of France?" + FAST,
                false, false), client.apiKey(), id);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json(response.body());
        assertEquals("chat.completion", body.get("object").asText());
        assertEquals("sim-local", body.get("model").asText());
        assertEquals("chatcmpl-" + id, body.get("id").asText());
        JsonNode choice = body.get("choices").get(0);
        assertTrue(choice.get("message").get("content").asText().startsWith("[simulated sim-local]"));
        assertEquals("stop", choice.get("finish_reason").asText());
        int prompt = body.get("usage").get("prompt_tokens").asInt();
        int completion = body.get("usage").get("completion_tokens").asInt();
        assertTrue(prompt > 0 && completion > 0);
        assertEquals(prompt + completion, body.get("usage").get("total_tokens").asInt());
        assertEquals("local", response.headers().firstValue("x-router-tier").orElseThrow());
        assertEquals("sim-local", response.headers().firstValue("x-router-model").orElseThrow());
        assertEquals("true", response.headers().firstValue("x-router-simulated").orElseThrow());
        assertEquals(id, response.headers().firstValue("x-request-id").orElseThrow());

        List<Ledger.Row> rows = Ledger.rows(id);
        assertEquals(1, rows.size());
        Ledger.Row row = rows.get(0);
        assertEquals("sim-local", row.backend());
        assertEquals("LOCAL", row.tier());
        assertEquals("OK", row.outcome());
        assertEquals("default", row.tenant());
        assertEquals(prompt, row.promptTokens());
        assertEquals(completion, row.completionTokens());
        assertEquals(0, row.costMicros(), "the local model is free");
        assertTrue(row.shadowCostMicros() > 0, "what the cloud would have cost is recorded");
        assertFalse(row.streamed());
    }

    @Test
    void cloudTierChargesWhatTheHeaderSays() {
        String id = newRequestId();
        HttpResponse<String> response = client.postChat(chatBody("sim-cloud", "Summarise the French revolution." + FAST,
                false, false), client.apiKey(), id);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("sim-cloud", json(response.body()).get("model").asText());
        assertEquals("cloud", response.headers().firstValue("x-router-tier").orElseThrow());
        long headerMicros = new BigDecimal(response.headers().firstValue("x-router-cost-usd").orElseThrow())
                .movePointRight(6).longValueExact();
        Ledger.Row row = Ledger.rows(id).get(0);
        assertEquals("CLOUD", row.tier());
        assertTrue(row.costMicros() > 0);
        assertEquals(row.costMicros(), headerMicros);
        assertEquals(row.costMicros(), row.shadowCostMicros());
    }

    @Test
    void streamingLocalWithUsageEndsWithDone() {
        String id = newRequestId();
        HttpResponse<String> response = client.postChat(chatBody("sim-local", "Tell me about Paris." + FAST, true, true),
                client.apiKey(), id);

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("content-type").orElseThrow().startsWith("text/event-stream"));
        List<String> events = RouterClient.sseData(response.body());
        assertEquals("[DONE]", events.get(events.size() - 1));
        JsonNode first = json(events.get(0));
        assertEquals("chat.completion.chunk", first.get("object").asText());
        assertEquals("assistant", first.get("choices").get(0).get("delta").get("role").asText());

        StringBuilder content = new StringBuilder();
        String finish = null;
        JsonNode usage = null;
        for (String event : events.subList(0, events.size() - 1)) {
            JsonNode chunk = json(event);
            assertEquals("sim-local", chunk.get("model").asText());
            assertEquals("chatcmpl-" + id, chunk.get("id").asText());
            if (chunk.get("choices").isEmpty()) {
                usage = chunk.get("usage");
                continue;
            }
            assertTrue(chunk.has("usage") && chunk.get("usage").isNull(), "usage is null until the last chunk");
            JsonNode choice = chunk.get("choices").get(0);
            content.append(choice.get("delta").path("content").asText(""));
            if (!choice.get("finish_reason").isNull()) {
                finish = choice.get("finish_reason").asText();
            }
        }
        assertTrue(content.toString().startsWith("[simulated sim-local]"), content.toString());
        assertEquals("stop", finish);
        assertTrue(usage != null && usage.get("completion_tokens").asInt() > 0, "usage chunk before [DONE]");

        Ledger.Row row = Ledger.rows(id).get(0);
        assertEquals("OK", row.outcome());
        assertTrue(row.streamed());
        assertEquals(usage.get("prompt_tokens").asInt(), row.promptTokens());
        assertEquals(usage.get("completion_tokens").asInt(), row.completionTokens());
    }

    @Test
    void streamingCloudWithoutUsageHasNoUsageChunk() {
        String id = newRequestId();
        HttpResponse<String> response = client.postChat(chatBody("sim-cloud", "Say hello." + FAST, true, false),
                client.apiKey(), id);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("sim-cloud", response.headers().firstValue("x-router-model").orElseThrow());
        List<String> events = RouterClient.sseData(response.body());
        assertEquals("[DONE]", events.get(events.size() - 1));
        for (String event : events.subList(0, events.size() - 1)) {
            JsonNode chunk = json(event);
            assertFalse(chunk.get("choices").isEmpty(), "no usage-only chunk without include_usage");
            assertFalse(chunk.has("usage"));
        }
        assertEquals("CLOUD", Ledger.rows(id).get(0).tier());
        assertTrue(Ledger.rows(id).get(0).streamed());
    }

    @Test
    void autoAnswersWithTheBestRankedBackendAndSaysWhy() {
        String simpleBody = chatBody("auto", "What is 2+2?" + FAST, false, false);
        String complexBody = chatBody("auto", "Prove step by step that the square root of 2 is irrational." + FAST,
                false, false);
        JsonNode simplePlan = json(client.post("/v1/route/explain", simpleBody, null).body());
        JsonNode complexPlan = json(client.post("/v1/route/explain", complexBody, null).body());

        HttpResponse<String> simple = client.postChat(simpleBody);
        HttpResponse<String> complex = client.postChat(complexBody);

        assertEquals(200, simple.statusCode(), simple.body());
        assertEquals(200, complex.statusCode(), complex.body());
        assertEquals(simplePlan.get("candidates").get(0).get("model").asText(), json(simple.body()).get("model").asText());
        assertEquals(complexPlan.get("candidates").get(0).get("model").asText(),
                json(complex.body()).get("model").asText());
        String reason = complex.headers().firstValue("x-router-reason").orElseThrow();
        assertTrue(reason.startsWith("auto: ") && reason.contains("difficulty") && reason.contains("utility"), reason);
        assertTrue(complexPlan.get("prompt").get("difficulty").asDouble()
                > simplePlan.get("prompt").get("difficulty").asDouble(), "the proof is the harder prompt");
    }

    @Test
    void autoFallsBackToTheOtherTierWhenThePreferredOneFails() {
        String id = newRequestId();
        String tag = "fb" + UUID.randomUUID().toString().replace("-", "");
        String body = chatBody("auto", "Hello there [[sim status=503 fail_first="
                + Integer.getInteger("router.retry.max-attempts", 3) + " tag=" + tag + " ttft=5 tps=500]]", false, false);
        JsonNode plan = json(client.post("/v1/route/explain", body, null).body());
        String preferred = plan.get("candidates").get(0).get("model").asText();
        String fallback = plan.get("candidates").get(1).get("model").asText();
        // Every attempt the preferred model gets fails; the fallback's call is the first one after them.
        int attempts = Integer.getInteger("router.retry.max-attempts", 3);
        HttpResponse<String> response = client.postChat(body, client.apiKey(), id);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(fallback, json(response.body()).get("model").asText());
        assertTrue(response.headers().firstValue("x-router-reason").orElseThrow().contains("fell back to " + fallback),
                response.headers().firstValue("x-router-reason").orElseThrow());
        assertEquals(attempts + 1, SimulatorCalls.count(tag), "every attempt of the first failed, then one more call");
        List<Ledger.Row> rows = Ledger.rows(id);
        assertEquals(2, rows.size());
        assertEquals(preferred, rows.get(0).backend());
        assertEquals("UPSTREAM_ERROR", rows.get(0).outcome());
        assertEquals("upstream_http_503", rows.get(0).errorCode());
        assertEquals(fallback, rows.get(1).backend());
        assertEquals("OK", rows.get(1).outcome());
    }

    @Test
    void pinnedModelFailureIsABadGatewayWithAnErrorBody() {
        String id = newRequestId();
        HttpResponse<String> response = client.postChat(chatBody("sim-cloud", "Hi [[sim status=500]]", false, false),
                client.apiKey(), id);

        assertEquals(502, response.statusCode(), response.body());
        JsonNode error = json(response.body()).get("error");
        assertEquals("upstream_error", error.get("type").asText());
        assertTrue(error.get("message").asText().contains("sim-cloud"));
        List<Ledger.Row> rows = Ledger.rows(id);
        assertEquals(1, rows.size());
        assertEquals("UPSTREAM_ERROR", rows.get(0).outcome());
        assertEquals("upstream_http_500", rows.get(0).errorCode());
        assertEquals(0, rows.get(0).costMicros());
    }

    @Test
    void midStreamFailureSendsAnErrorEventAndNoDone() {
        String id = newRequestId();
        HttpResponse<String> response = client.postChat(chatBody("sim-cloud",
                "Tell a story [[sim error_after=3 ttft=5 tps=500]]", true, true), client.apiKey(), id);

        assertEquals(200, response.statusCode(), response.body());
        List<String> events = RouterClient.sseData(response.body());
        assertFalse(events.contains("[DONE]"));
        JsonNode last = json(events.get(events.size() - 1));
        assertTrue(last.has("error"), "last event is the error: " + last);
        long contentChunks = events.stream().map(RouterClient::json)
                .filter(e -> e.has("choices") && !e.get("choices").isEmpty()
                        && e.get("choices").get(0).get("delta").has("content")
                        && !e.get("choices").get(0).get("delta").get("content").asText().isEmpty())
                .count();
        assertEquals(3, contentChunks);
        Ledger.Row row = Ledger.rows(id).get(0);
        assertEquals("UPSTREAM_ERROR", row.outcome());
        assertTrue(row.streamed());
        assertTrue(row.completionTokens() > 0, "partial usage is recorded");
    }

    @Test
    void streamFailingBeforeTheFirstByteIsAnOrdinaryErrorResponse() {
        HttpResponse<String> response = client.postChat(chatBody("sim-local", "Hi [[sim status=500]]", true, false));

        assertEquals(502, response.statusCode(), response.body());
        assertEquals("upstream_error", json(response.body()).get("error").get("type").asText());
    }
}
