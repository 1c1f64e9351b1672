package it.backend;

import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.support.Ledger;
import it.support.RouterClient;
import it.support.SimulatorCalls;
import it.support.StoredBackends;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract every backend kind keeps, through the whole EAR over real HTTP against the simulated
 * upstream speaking that kind's wire protocol: OpenAI-shaped JSON and SSE answers, usage, finish
 * reasons, and upstream failures normalised the same way (429 retried, 5xx retried then 502, 4xx
 * not retried, a silent upstream a 504), each down to its ledger row and upstream call count.
 *
 * <p>Each subclass runs against a backend of its own, defined in the {@code backends} table with a
 * 2 s read timeout, so the timeout case is quick and no built-in backend is disturbed; that the
 * router routes to it at all shows stored backends work for the kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractInferenceBackendIT {

    protected static final String FAST = " ttft=5 tps=500";
    private static final int MAX_ATTEMPTS = Integer.getInteger("router.retry.max-attempts", 3);
    private static final int READ_TIMEOUT_MS = 2_000;

    protected final RouterClient client = new RouterClient();
    protected final String model = "it-" + kind() + "-" + UUID.randomUUID().toString().substring(0, 8);

    /** The backend kind under test: ollama, openai, anthropic. */
    protected abstract String kind();

    protected abstract String tier();

    /** Where the simulated upstream speaks this kind's protocol. */
    protected abstract String baseUrl(String simulatorUrl);

    protected abstract String upstreamModel();

    /** The config property with the upstream key, or null when the protocol needs none. */
    protected String apiKeyRef() {
        return StoredBackends.SIMULATOR_KEY_REF;
    }

    /** Whether the adapter sees the upstream's Retry-After header (langchain4j-ollama does not expose it). */
    protected boolean honoursRetryAfter() {
        return true;
    }

    @BeforeAll
    void defineBackend() {
        StoredBackends.insert(model, kind(), tier(), baseUrl(System.getProperty("router.simulator.url")),
                upstreamModel(), apiKeyRef(), READ_TIMEOUT_MS, null);
        StoredBackends.awaitListed(client, model, true, Duration.ofSeconds(20));
    }

    @AfterAll
    void removeBackend() {
        StoredBackends.delete(model);
        // Other tests count the models: wait until this one is gone again.
        StoredBackends.awaitListed(client, model, false, Duration.ofSeconds(20));
    }

    protected static String newTag() {
        return "ct" + UUID.randomUUID().toString().replace("-", "");
    }

    protected static String newRequestId() {
        return "it-ct-" + UUID.randomUUID();
    }

    protected ObjectNode uncached(String message, boolean stream) {
        ObjectNode root = (ObjectNode) json(RouterClient.chatBody(model, message, stream, stream));
        root.putObject("cache").put("no-cache", true).put("no-store", true);
        return root;
    }

    protected HttpResponse<String> post(ObjectNode body, String requestId) {
        return client.postChat(body.toString(), client.apiKey(), requestId);
    }

    @Test
    void aJsonAnswerHasTheOpenAiShapeUsageAndItsLedgerRow() {
        String id = newRequestId();

        HttpResponse<String> response = post(uncached("Name three rivers. [[sim tokens=15" + FAST + "]]", false), id);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json(response.body());
        assertEquals("chat.completion", body.get("object").asText());
        assertEquals(model, body.get("model").asText());
        assertEquals("assistant", body.at("/choices/0/message/role").asText());
        assertTrue(body.at("/choices/0/message/content").asText().startsWith("[simulated "), body.toString());
        assertEquals("stop", body.at("/choices/0/finish_reason").asText());
        int prompt = body.at("/usage/prompt_tokens").asInt();
        assertTrue(prompt > 0, body.toString());
        assertEquals(15, body.at("/usage/completion_tokens").asInt());
        assertEquals(prompt + 15, body.at("/usage/total_tokens").asInt());
        assertEquals(tier().toLowerCase(), response.headers().firstValue("x-router-tier").orElseThrow());
        assertEquals(model, response.headers().firstValue("x-router-model").orElseThrow());

        List<Ledger.Row> rows = Ledger.rows(id);
        assertEquals(1, rows.size());
        assertEquals(model, rows.get(0).backend());
        assertEquals(tier(), rows.get(0).tier());
        assertEquals("OK", rows.get(0).outcome());
        assertEquals(prompt, rows.get(0).promptTokens());
        assertEquals(15, rows.get(0).completionTokens());
        assertFalse(rows.get(0).streamed());
    }

    @Test
    void reachingMaxTokensIsFinishReasonLength() {
        ObjectNode body = uncached("Tell a long story [[sim" + FAST + "]]", false).put("max_tokens", 3);

        HttpResponse<String> response = post(body, newRequestId());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("length", json(response.body()).at("/choices/0/finish_reason").asText());
        assertEquals(3, json(response.body()).at("/usage/completion_tokens").asInt());
    }

    @Test
    void aStreamDeliversPiecesThenUsageThenDone() {
        String id = newRequestId();

        HttpResponse<String> response = post(uncached("Say hello. [[sim tokens=12" + FAST + "]]", true), id);

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("content-type").orElseThrow().startsWith("text/event-stream"));
        List<String> events = RouterClient.sseData(response.body());
        assertEquals("[DONE]", events.get(events.size() - 1), response.body());
        StringBuilder content = new StringBuilder();
        String finish = null;
        JsonNode usage = null;
        int pieces = 0;
        for (String event : events.subList(0, events.size() - 1)) {
            JsonNode chunk = json(event);
            assertEquals("chat.completion.chunk", chunk.get("object").asText());
            assertEquals(model, chunk.get("model").asText());
            if (chunk.get("choices").isEmpty()) {
                usage = chunk.get("usage");
                continue;
            }
            JsonNode choice = chunk.at("/choices/0");
            String piece = choice.at("/delta/content").asText("");
            pieces += piece.isEmpty() ? 0 : 1;
            content.append(piece);
            if (!choice.get("finish_reason").isNull()) {
                finish = choice.get("finish_reason").asText();
            }
        }
        assertTrue(pieces > 1, "streamed in pieces: " + response.body());
        assertTrue(content.toString().startsWith("[simulated "), content.toString());
        assertEquals("stop", finish);
        assertNotNull(usage, "a usage chunk before [DONE]: " + response.body());
        assertEquals(12, usage.get("completion_tokens").asInt());

        Ledger.Row row = Ledger.rows(id).get(0);
        assertEquals("OK", row.outcome());
        assertTrue(row.streamed());
        assertEquals(12, row.completionTokens());
        assertEquals(usage.get("prompt_tokens").asInt(), row.promptTokens());
    }

    @Test
    void aRateLimitIsRetriedAndAnswers() {
        String tag = newTag();
        long start = System.nanoTime();

        HttpResponse<String> response = post(uncached("Hello [[sim status=429 fail_first=1 tag=" + tag + FAST + "]]",
                false), newRequestId());

        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(2, SimulatorCalls.count(tag), "the throttled attempt and the one that answered");
        if (honoursRetryAfter()) {
            assertTrue(tookMillis >= 950, "the simulator's Retry-After: 1 was honoured, took " + tookMillis + " ms");
        }
    }

    @Test
    void serverErrorsAreRetriedThenABadGatewayWithOneLedgerRow() {
        String tag = newTag();
        String id = newRequestId();

        HttpResponse<String> response = post(uncached("Hello [[sim status=503 tag=" + tag + FAST + "]]", false), id);

        assertEquals(502, response.statusCode(), response.body());
        assertEquals("upstream_error", json(response.body()).at("/error/type").asText(), response.body());
        assertEquals(MAX_ATTEMPTS, SimulatorCalls.count(tag));
        List<Ledger.Row> rows = Ledger.rows(id);
        assertEquals(1, rows.size());
        assertEquals("upstream_http_503", rows.get(0).errorCode());
    }

    @Test
    void aClientErrorIsNotRetried() {
        String tag = newTag();
        String id = newRequestId();

        HttpResponse<String> response = post(uncached("Hello [[sim status=400 tag=" + tag + FAST + "]]", false), id);

        assertEquals(502, response.statusCode(), response.body());
        assertEquals(1, SimulatorCalls.count(tag));
        assertEquals("upstream_http_400", Ledger.rows(id).get(0).errorCode());
    }

    @Test
    void aSilentUpstreamTimesOutAsAGatewayTimeout() {
        String tag = newTag();
        String id = newRequestId();

        HttpResponse<String> response = post(uncached("Hello [[sim ttft=" + (READ_TIMEOUT_MS * 3) + " tag=" + tag
                + "]]", false), id);

        assertEquals(504, response.statusCode(), response.body());
        assertEquals("upstream_error", json(response.body()).at("/error/type").asText(), response.body());
        assertEquals(MAX_ATTEMPTS, SimulatorCalls.count(tag), "timeouts are retriable");
        List<Ledger.Row> rows = Ledger.rows(id);
        assertEquals(1, rows.size());
        assertFalse("OK".equals(rows.get(0).outcome()), rows.get(0).toString());
    }

    @Test
    void anErrorMidStreamEndsWithAnErrorEventAndNoDone() {
        String tag = newTag();
        String id = newRequestId();

        HttpResponse<String> response = post(uncached("Tell a story [[sim error_after=2 tag=" + tag + FAST + "]]",
                true), id);

        assertEquals(200, response.statusCode(), response.body());
        List<String> events = RouterClient.sseData(response.body());
        assertFalse(events.contains("[DONE]"), response.body());
        assertTrue(json(events.get(events.size() - 1)).has("error"), response.body());
        assertEquals(1, SimulatorCalls.count(tag), "text reached the client: no second attempt");
        assertEquals("UPSTREAM_ERROR", Ledger.rows(id).get(0).outcome());
    }
}
