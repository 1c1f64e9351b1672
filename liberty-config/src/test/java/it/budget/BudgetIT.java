package it.budget;

import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.support.Budgets;
import it.support.Ledger;
import it.support.RouterClient;
import it.support.SimulatorCalls;
import it.support.Tenants;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Budgets through the whole EAR: reservations in PostgreSQL, the simulated upstream counting real calls. */
class BudgetIT {

    /** sim-cloud's prices in the IT server (the openai.* defaults), micro-USD per million tokens. */
    private static final long INPUT_PRICE = 150_000;
    private static final long OUTPUT_PRICE = 600_000;

    private final RouterClient client = new RouterClient();

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String body(String model, String content, Integer maxTokens, boolean stream) {
        ObjectNode root = RouterClient.JSON.createObjectNode().put("model", model);
        root.putArray("messages").addObject().put("role", "user").put("content", content);
        if (maxTokens != null) {
            root.put("max_tokens", maxTokens);
        }
        if (stream) {
            root.put("stream", true);
        }
        // Identical prompts must reach the upstream every time, not the cache.
        root.putObject("cache").put("no-store", true);
        return root.toString();
    }

    /** The router's worst case for one user message: 3 UTF-8 bytes a token (role included), framing, max output. */
    private static long worstCase(String content, int maxTokens) {
        long bytes = ("user" + content).getBytes(StandardCharsets.UTF_8).length;
        long inputTokens = (bytes + 2) / 3 + 4 + 3;
        return ceilDiv(inputTokens * INPUT_PRICE, 1_000_000) + ceilDiv(maxTokens * OUTPUT_PRICE, 1_000_000);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    @Test
    void concurrentRequestsNeverSpendMoreThanTheLimit() throws Exception {
        String tenant = unique("budget-race");
        String key = Tenants.createWithKey(tenant);
        String tag = unique("race");
        int tokens = 20;
        int affordable = 10;
        int requests = 30;
        String sample = prompt(0, tag, tokens);
        long estimate = worstCase(sample, tokens);
        long budget = Budgets.create(tenant, affordable * estimate, "MONTHLY");

        List<HttpResponse<String>> responses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String content = prompt(i, tag, tokens);
                futures.add(pool.submit(() -> client.postChat(body("sim-cloud", content, tokens, false), key, null)));
            }
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        long ok = responses.stream().filter(r -> r.statusCode() == 200).count();
        for (HttpResponse<String> response : responses) {
            if (response.statusCode() != 200) {
                assertEquals(429, response.statusCode(), response.body());
                assertEquals("budget_exceeded", json(response.body()).get("error").get("type").asText());
                assertEquals("budget_exceeded", json(response.body()).get("error").get("code").asText());
            }
        }
        Budgets.State state = Budgets.state(budget);
        assertTrue(ok >= affordable, "the first " + affordable + " worst cases always fit, got " + ok);
        assertTrue(ok < requests, "the budget refused some requests");
        assertTrue(state.spentMicros() <= state.limitMicros(), "spent " + state.spentMicros() + " of " + state.limitMicros());
        assertEquals(0, state.reservedMicros(), "every reservation was settled or released");
        assertEquals(Budgets.chargedMicros(tenant), state.spentMicros(), "the ledger's OK rows add up to spent");
        assertEquals(ok, Budgets.ledgerRows(tenant, "OK"));
        assertEquals(ok, Budgets.reservations(budget, "SETTLED"));
        assertEquals(0, Budgets.reservations(budget, "OPEN"));
        assertEquals(ok, SimulatorCalls.count(tag), "the upstream saw exactly the calls that succeeded");
        assertTrue(state.spentMicros() > 0 && state.spentMicros() % ok == 0, "every call cost the same");
    }

    /** Same length whatever {@code i}: every request has the same estimate and the same real cost. */
    private static String prompt(int i, String tag, int tokens) {
        return String.format("Budget probe number %02d. [[sim tokens=%d ttft=0 tps=1000 tag=%s]]", i, tokens, tag);
    }

    @Test
    void exhaustedMonthlyBudgetAnswers429WithRetryAfterAndCallsNothing() {
        String tenant = unique("budget-empty");
        String key = Tenants.createWithKey(tenant);
        String tag = unique("empty");
        long budget = Budgets.create(tenant, 0, "MONTHLY");
        String requestId = "it-" + UUID.randomUUID();

        HttpResponse<String> response = client.postChat(
                body("sim-cloud", "What is a budget? [[sim tokens=5 ttft=0 tag=" + tag + "]]", null, false), key,
                requestId);

        assertEquals(429, response.statusCode(), response.body());
        JsonNode error = json(response.body()).get("error");
        assertEquals("budget_exceeded", error.get("type").asText());
        assertEquals("budget_exceeded", error.get("code").asText());
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        long expected = Budgets.secondsUntilReset(budget);
        assertTrue(Math.abs(retryAfter - expected) <= 5, "Retry-After " + retryAfter + ", reset in " + expected);
        assertEquals(0, SimulatorCalls.count(tag), "no upstream call");
        List<Ledger.Row> rows = Ledger.rows(requestId);
        assertEquals(1, rows.size());
        assertEquals("REJECTED", rows.get(0).outcome());
        assertEquals("budget_exceeded", rows.get(0).errorCode());
        assertEquals(0, Budgets.state(budget).reservedMicros());
    }

    @Test
    void exhaustedBudgetWithoutPeriodHasNoRetryAfterAndRefusesStreamsToo() {
        String tenant = unique("budget-none");
        String key = Tenants.createWithKey(tenant);
        String tag = unique("none");
        Budgets.create(tenant, 0, "NONE");

        HttpResponse<String> plain = client.postChat(
                body("sim-cloud", "Hello there [[sim tokens=5 ttft=0 tag=" + tag + "]]", 5, false), key, null);
        HttpResponse<String> streamed = client.postChat(
                body("sim-cloud", "Hello there [[sim tokens=5 ttft=0 tag=" + tag + "]]", 5, true), key, null);

        assertEquals(429, plain.statusCode(), plain.body());
        assertFalse(plain.headers().firstValue("Retry-After").isPresent(), "the budget never resets");
        assertEquals(429, streamed.statusCode(), streamed.body());
        assertEquals("budget_exceeded", json(streamed.body()).get("error").get("type").asText());
        assertEquals(0, SimulatorCalls.count(tag));
    }

    @Test
    void autoFallsBackToTheFreeTierWhenTheBudgetIsExhausted() {
        String tenant = unique("budget-auto");
        String key = Tenants.createWithKey(tenant);
        String tag = unique("auto");
        Budgets.create(tenant, 0, "MONTHLY");
        String requestId = "it-" + UUID.randomUUID();

        // A reasoning prompt: auto prefers the (paid) cloud tier for it.
        HttpResponse<String> response = client.postChat(body("auto",
                "Prove step by step that the square root of 2 is irrational. [[sim tokens=5 ttft=0 tag=" + tag + "]]",
                null, false), key, requestId);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("local", response.headers().firstValue("x-router-tier").orElseThrow());
        assertEquals("sim-local", json(response.body()).get("model").asText());
        List<Ledger.Row> rows = Ledger.rows(requestId);
        // The ranking already knows the money is gone: no paid model is even reserved for; the free one answers.
        assertEquals(List.of("sim-local:OK"),
                rows.stream().map(r -> r.backend() + ":" + r.outcome()).collect(Collectors.toList()));
        assertTrue(response.headers().firstValue("x-router-reason").orElseThrow().contains("budget"),
                response.headers().firstValue("x-router-reason").orElseThrow());
        assertEquals(1, SimulatorCalls.count(tag), "only the free model was called");
    }

    @Test
    void cacheHitsAreServedWhenTheBudgetIsExhausted() {
        String tenant = unique("budget-cache");
        String key = Tenants.createWithKey(tenant);
        String tag = unique("cache");
        String question = "What is the boiling point of water at sea level? [[sim tokens=8 ttft=0 tag=" + tag + "]]";
        String cacheable = RouterClient.chatBody("sim-cloud", question, false, false);
        HttpResponse<String> first = client.postChat(cacheable, key, null);
        assertEquals(200, first.statusCode(), first.body());
        long budget = Budgets.create(tenant, 0, "MONTHLY");

        HttpResponse<String> second = client.postChat(cacheable, key, null);

        assertEquals(200, second.statusCode(), second.body());
        assertEquals("cache", second.headers().firstValue("x-router-tier").orElseThrow());
        assertEquals(1, SimulatorCalls.count(tag), "the second answer came from the cache");
        assertEquals(0, Budgets.state(budget).spentMicros());
    }

    @Test
    void withoutMaxTokensTheCallIsBoundToTheReservedDefault() {
        String tenant = unique("budget-bound");
        String key = Tenants.createWithKey(tenant);
        String tag = unique("bound");
        long budget = Budgets.create(tenant, 10_000_000, "MONTHLY");
        String content = "Tell me everything. [[sim tokens=1500 ttft=0 tps=100000 tag=" + tag + "]]";

        HttpResponse<String> response = client.postChat(body("sim-cloud", content, null, false), key, null);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json(response.body());
        assertEquals(1024, body.get("usage").get("completion_tokens").asInt(),
                "router.budget.default-max-output-tokens went upstream as max_tokens");
        assertEquals("length", body.get("choices").get(0).get("finish_reason").asText());
        Budgets.State state = Budgets.state(budget);
        assertTrue(state.spentMicros() <= worstCase(content, 1024));
        assertEquals(Budgets.chargedMicros(tenant), state.spentMicros());
        assertEquals(0, state.reservedMicros());
    }

    @Test
    void aStreamedCallSettlesLikeAPlainOne() {
        String tenant = unique("budget-stream");
        String key = Tenants.createWithKey(tenant);
        String tag = unique("stream");
        long budget = Budgets.create(tenant, 1_000_000, "MONTHLY");

        HttpResponse<String> response = client.postChat(body("sim-cloud",
                "Stream a short answer. [[sim tokens=12 ttft=0 tps=1000 tag=" + tag + "]]", 12, true), key, null);

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("[DONE]"), response.body());
        Budgets.State state = Budgets.state(budget);
        assertTrue(state.spentMicros() > 0);
        assertEquals(Budgets.chargedMicros(tenant), state.spentMicros());
        assertEquals(0, state.reservedMicros());
        assertEquals(1, Budgets.reservations(budget, "SETTLED"));
        assertEquals(1, SimulatorCalls.count(tag));
    }

    @Test
    void crossingTheSoftLimitIsReportedOncePerPeriod() {
        String tenant = unique("budget-soft");
        String key = Tenants.createWithKey(tenant);
        String tag = unique("soft");
        long budget = Budgets.create(tenant, 1_000_000, "MONTHLY");
        Budgets.softLimit(budget, 1);
        String content = "Soft limit probe [[sim tokens=5 ttft=0 tag=" + tag + "]]";

        HttpResponse<String> first = client.postChat(body("sim-cloud", content, 5, false), key, null);
        long reported = Budgets.softAlertedAt(budget);
        HttpResponse<String> second = client.postChat(body("sim-cloud", content, 5, false), key, null);

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(200, second.statusCode(), second.body());
        assertTrue(reported > 0, "the first call crossed the soft limit");
        assertEquals(reported, Budgets.softAlertedAt(budget), "the second call is not reported again");
        assertEquals(2, SimulatorCalls.count(tag), "a soft limit never refuses");
    }

    @Test
    void anExpiredReservationIsChargedByTheSweeper() {
        String tenant = unique("budget-sweep");
        Tenants.createWithKey(tenant);
        long budget = Budgets.create(tenant, 1_000_000, "NONE");
        long reservation = Budgets.abandonedReservation(budget, 1_234);
        assertEquals(1_234, Budgets.state(budget).reservedMicros());

        awaitStatus(reservation, "EXPIRED", Duration.ofSeconds(90));

        Budgets.State state = Budgets.state(budget);
        assertEquals(1_234, state.spentMicros(), "the whole estimate is charged");
        assertEquals(0, state.reservedMicros());
        assertEquals(1, Budgets.ledgerRows(tenant, "EXPIRED"), "the charge is booked in the ledger");
        assertEquals(state.spentMicros(), Budgets.ledgerCostMicros(tenant), "the ledger adds up to spent");
    }

    @Test
    void aBudgetThatCannotBeCheckedFailsClosed() {
        String tenant = unique("budget-broken");
        String key = Tenants.createWithKey(tenant);
        String tag = unique("broken");
        long budget = Budgets.create(tenant, 0, "NONE");
        // The reserve statement's arithmetic overflows bigint: PostgreSQL raises an error, as a lost database would.
        Budgets.set(budget, Long.MAX_VALUE, 0, Long.MAX_VALUE - 1);

        HttpResponse<String> response = client.postChat(
                body("sim-cloud", "Are you there? [[sim tokens=5 ttft=0 tag=" + tag + "]]", 5, false), key, null);

        assertEquals(503, response.statusCode(), response.body());
        assertEquals("service_unavailable", json(response.body()).get("error").get("type").asText());
        assertEquals(0, SimulatorCalls.count(tag), "no backend is called without a checked budget");
    }

    private static void awaitStatus(long reservation, String status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!status.equals(Budgets.reservationStatus(reservation))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("reservation " + reservation + " still "
                        + Budgets.reservationStatus(reservation) + " after " + timeout);
            }
            // Paces the polling; the deadline, not this pause, decides how long the test waits.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }
}
