package it.backend;

import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.support.Ledger;
import it.support.RouterClient;
import it.support.SimulatorCalls;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The per-backend guards through the whole EAR: retries before the first byte only, Retry-After,
 * no retry of client errors or broken streams, and a breaker that fails fast for one backend only.
 * The server runs with max-attempts 3 and a 2 s breaker open time (liberty-config's {@code it} profile).
 */
class FaultToleranceIT {

    private static final int MAX_ATTEMPTS = Integer.getInteger("router.retry.max-attempts", 3);
    private static final String FAST = " ttft=5 tps=500";

    private final RouterClient client = new RouterClient();

    private static String newTag() {
        return "ft" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String newRequestId() {
        return "it-ft-" + UUID.randomUUID();
    }

    /** A chat body that neither reads nor fills the semantic cache, so every request reaches a backend. */
    private static String uncached(String model, String message, boolean stream) {
        ObjectNode root = (ObjectNode) json(RouterClient.chatBody(model, message, stream, stream));
        root.putObject("cache").put("no-cache", true).put("no-store", true);
        return root.toString();
    }

    private HttpResponse<String> ask(String model, String message, String requestId) {
        return client.postChat(uncached(model, message, false), client.apiKey(), requestId);
    }

    @Test
    void aPinnedModelFailingTwiceIsRetriedAndAnswers() {
        String tag = newTag();
        String id = newRequestId();

        HttpResponse<String> response = ask("sim-cloud",
                "Hello [[sim status=503 fail_first=2 tag=" + tag + FAST + "]]", id);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(3, SimulatorCalls.count(tag), "two failed attempts and the one that answered");
        assertTrue(response.headers().firstValue("x-router-reason").orElseThrow().contains("after 3 attempts"));
        List<Ledger.Row> rows = Ledger.rows(id);
        assertEquals(1, rows.size(), "one row per backend tried, not per attempt");
        assertEquals("OK", rows.get(0).outcome());
    }

    @Test
    void aThrottledCallWaitsForRetryAfterThenSucceeds() {
        String tag = newTag();
        long start = System.nanoTime();

        HttpResponse<String> response = ask("sim-cloud",
                "Hello [[sim status=429 fail_first=1 tag=" + tag + FAST + "]]", newRequestId());

        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(2, SimulatorCalls.count(tag));
        assertTrue(tookMillis >= 950, "the simulator's Retry-After: 1 was honoured, took " + tookMillis + " ms");
    }

    @Test
    void aClientErrorIsNotRetried() {
        String tag = newTag();
        String id = newRequestId();

        HttpResponse<String> response = ask("sim-cloud", "Hello [[sim status=400 tag=" + tag + FAST + "]]", id);

        assertEquals(502, response.statusCode(), response.body());
        assertEquals(1, SimulatorCalls.count(tag));
        assertEquals("upstream_http_400", Ledger.rows(id).get(0).errorCode());
    }

    @Test
    void exhaustedRetriesAreOneLedgerRowThatSaysSo() {
        String tag = newTag();
        String id = newRequestId();

        HttpResponse<String> response = ask("sim-local", "Hello [[sim status=500 tag=" + tag + FAST + "]]", id);

        assertEquals(502, response.statusCode(), response.body());
        assertEquals(MAX_ATTEMPTS, SimulatorCalls.count(tag));
        List<Ledger.Row> rows = Ledger.rows(id);
        assertEquals(1, rows.size());
        assertEquals("upstream_http_500", rows.get(0).errorCode());
    }

    @Test
    void aResetBeforeTheHeadersIsRetried() {
        String tag = newTag();

        HttpResponse<String> response = ask("sim-local",
                "Hello [[sim reset=true fail_first=1 tag=" + tag + FAST + "]]", newRequestId());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(2, SimulatorCalls.count(tag));
    }

    @Test
    void aStreamBrokenAfterTheFirstByteIsNotRetried() {
        String tag = newTag();
        String id = newRequestId();

        HttpResponse<String> response = client.postChat(uncached("sim-cloud",
                "Tell a story [[sim error_after=3 tag=" + tag + FAST + "]]", true), client.apiKey(), id);

        assertEquals(200, response.statusCode(), response.body());
        List<String> events = RouterClient.sseData(response.body());
        assertFalse(events.contains("[DONE]"), response.body());
        assertTrue(json(events.get(events.size() - 1)).has("error"), "last event is the error");
        assertEquals(1, SimulatorCalls.count(tag), "text reached the client: no second attempt");
        Ledger.Row row = Ledger.rows(id).get(0);
        assertEquals("UPSTREAM_ERROR", row.outcome());
        assertTrue(row.completionTokens() > 0, "partial usage is recorded");
    }

    @Test
    void anOpenBreakerFailsFastForItsBackendOnly() {
        String tag = newTag();
        try {
            openSimCloudBreaker(tag);

            long before = SimulatorCalls.count(tag);
            String id = newRequestId();
            HttpResponse<String> refused = ask("sim-cloud", "Hello [[sim tag=" + tag + FAST + "]]", id);
            assertEquals(502, refused.statusCode(), refused.body());
            assertEquals(before, SimulatorCalls.count(tag), "no upstream call while the breaker is open");
            assertEquals("circuit_open", Ledger.rows(id).get(0).errorCode());
            assertTrue(backendsHealth().get("sim-cloud").asText().contains("breaker OPEN"),
                    backendsHealth().toString());

            HttpResponse<String> local = ask("sim-local", "Hello [[sim tag=" + tag + FAST + "]]", newRequestId());
            assertEquals(200, local.statusCode(), local.body());
            String fallbackId = newRequestId();
            String prompt = "Prove step by step that the square root of 2 is irrational [[sim tag=" + tag + FAST + "]]";
            JsonNode plan = json(client.post("/v1/route/explain", RouterClient.chatBody("auto", prompt, false, false),
                    null).body());
            long calls = SimulatorCalls.count(tag);
            HttpResponse<String> auto = ask("auto", prompt, fallbackId);
            assertEquals(200, auto.statusCode(), auto.body());
            assertNotEquals("sim-cloud", json(auto.body()).get("model").asText(), "auto routes around the open breaker");
            assertEquals(calls + 1, SimulatorCalls.count(tag), "one call, to the backend that answered");
            assertTrue(Ledger.rows(fallbackId).stream().noneMatch(r -> "sim-cloud".equals(r.backend())),
                    "the open breaker's backend is not even tried");
            JsonNode skipped = null;
            for (JsonNode s : plan.get("ranking")) {
                if (s.get("model").asText().equals("sim-cloud")) {
                    skipped = s;
                }
            }
            assertEquals("unavailable", skipped.get("excluded").asText(), plan.toString());
            assertEquals("circuit breaker open", skipped.get("excluded_because").asText());
        } finally {
            closeSimCloudBreaker(tag);
        }
        assertTrue(backendsHealth().get("sim-cloud").asText().contains("breaker CLOSED"), backendsHealth().toString());
    }

    /** Fails sim-cloud until a request no longer reaches the upstream: the breaker opened. */
    private void openSimCloudBreaker(String tag) {
        for (int request = 0; request < 20; request++) {
            long before = SimulatorCalls.count(tag);
            HttpResponse<String> response = ask("sim-cloud", "Hello [[sim status=500 tag=" + tag + FAST + "]]",
                    newRequestId());
            assertNotEquals(200, response.statusCode(), response.body());
            if (SimulatorCalls.count(tag) == before) {
                return;
            }
        }
        throw new AssertionError("sim-cloud's breaker never opened");
    }

    /** Waits out the open time; the half-open trial then succeeds and closes the breaker for the ITs after this one. */
    private void closeSimCloudBreaker(String tag) {
        poll(Duration.ofSeconds(30), () -> ask("sim-cloud", "Hello [[sim tag=" + tag + FAST + "]]", newRequestId())
                .statusCode() == 200 && backendsHealth().get("sim-cloud").asText().contains("breaker CLOSED"));
    }

    private JsonNode backendsHealth() {
        JsonNode body = json(client.get("/health/ready", null).body());
        for (JsonNode check : body.get("checks")) {
            if ("backends".equals(check.get("name").asText())) {
                return check.get("data");
            }
        }
        throw new AssertionError("no backends check: " + body);
    }

    private static void poll(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            // Paces the polling; the deadline, not this pause, decides how long the test waits.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }
}
