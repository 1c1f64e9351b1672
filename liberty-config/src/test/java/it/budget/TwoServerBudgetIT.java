package it.budget;

import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import it.support.Budgets;
import it.support.RouterClient;
import it.support.SimulatorCalls;
import it.support.Tenants;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One budget, two router instances (the IT servers on router.url and router.url2) sharing one
 * PostgreSQL: the conditional reserve statement alone keeps them from overspending together.
 */
class TwoServerBudgetIT {

    /** sim-cloud's prices in the IT servers (the openai.* defaults), micro-USD per million tokens. */
    private static final long INPUT_PRICE = 150_000;
    private static final long OUTPUT_PRICE = 600_000;
    private static final int MAX_TOKENS = 5;
    private static final int AFFORDABLE = 100;
    private static final int REQUESTS = 200;

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final List<RouterClient> servers = List.of(
            new RouterClient(System.getProperty("router.url")), new RouterClient(System.getProperty("router.url2")));
    private final List<String> simulators = List.of(
            System.getProperty("router.simulator.url"), System.getProperty("router.simulator.url2"));

    /**
     * The whole message, deliberately 14 characters: {@code [[sim tag=XY]]}. Only then does the real
     * cost equal the reserved worst case, so that exactly {@link #AFFORDABLE} calls fit whatever the
     * interleaving. The router reserves prompt tokens at 3 bytes a token (role included) + 4 + 3, the
     * simulator reports 4 characters a token + 3; the gap grows by one token every 12 characters and both
     * land in the same rounded-up micro-USD only for 13- or 14-character messages (13 and 7 tokens, both
     * 2 micro-USD at 0.15 a token). The output matches exactly: sim-cloud's default answer (64 tokens)
     * is cut at max_tokens, which is also what is reserved. With any longer prompt a call costs less than
     * it reserves and a few more than 100 may succeed; the invariants below would still hold.
     * A 2-character tag is not unique across runs against the same servers, so upstream calls are
     * counted as the difference over the test.
     */
    private static String prompt(String tag) {
        return "[[sim tag=" + tag + "]]";
    }

    private static long worstCase(String content, int maxTokens) {
        long bytes = ("user" + content).getBytes(StandardCharsets.UTF_8).length;
        long inputTokens = (bytes + 2) / 3 + 4 + 3;
        return ceilDiv(inputTokens * INPUT_PRICE, 1_000_000) + ceilDiv(maxTokens * OUTPUT_PRICE, 1_000_000);
    }

    /** What the simulator reports: prompt tokens at 4 characters a token + 3 per message, output as bounded. */
    private static long actualCost(String content, int maxTokens) {
        long promptTokens = (content.length() + 3) / 4 + 3;
        return ceilDiv(promptTokens * INPUT_PRICE, 1_000_000) + ceilDiv(maxTokens * OUTPUT_PRICE, 1_000_000);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static String body(String content) {
        ObjectNode root = RouterClient.JSON.createObjectNode().put("model", "sim-cloud").put("max_tokens", MAX_TOKENS);
        root.putArray("messages").addObject().put("role", "user").put("content", content);
        root.putObject("cache").put("no-store", true);
        return root.toString();
    }

    private long[] upstreamCalls(String tag) {
        return simulators.stream().mapToLong(url -> SimulatorCalls.count(url, tag)).toArray();
    }

    @Test
    void twoServersSharingOneDatabaseSpendExactlyTheBudget() throws Exception {
        String tenant = "budget-two-" + UUID.randomUUID().toString().substring(0, 8);
        String key = Tenants.createWithKey(tenant);
        SecureRandom random = new SecureRandom();
        String tag = "" + ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                + ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        String content = prompt(tag);
        long estimate = worstCase(content, MAX_TOKENS);
        assertEquals(estimate, actualCost(content, MAX_TOKENS), "the prompt is shaped so that actual == reserved");
        long budget = Budgets.create(tenant, AFFORDABLE * estimate, "NONE");
        long[] callsBefore = upstreamCalls(tag);

        List<HttpResponse<String>> responses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                RouterClient server = servers.get(i % 2);
                futures.add(pool.submit(() -> server.postChat(body(content), key, null)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        long ok = responses.stream().filter(r -> r.statusCode() == 200).count();
        for (HttpResponse<String> response : responses) {
            if (response.statusCode() != 200) {
                assertEquals(429, response.statusCode(), response.body());
                assertEquals("budget_exceeded", json(response.body()).get("error").get("code").asText());
            }
        }
        Budgets.State state = Budgets.state(budget);
        long okRows = Budgets.ledgerRows(tenant, "OK");
        assertEquals(AFFORDABLE, ok, "exactly the affordable calls succeeded");
        assertEquals(REQUESTS - AFFORDABLE, Budgets.ledgerRows(tenant, "REJECTED"), "every refusal left a row");
        assertEquals(ok, okRows);
        assertEquals(Budgets.chargedMicros(tenant), state.spentMicros(), "the ledger's OK rows add up to spent");
        assertEquals(AFFORDABLE * estimate, state.spentMicros(), "each call cost what it reserved");
        assertTrue(state.spentMicros() <= state.limitMicros(), "spent " + state.spentMicros() + " of " + state.limitMicros());
        assertEquals(0, state.reservedMicros(), "every reservation was settled or released");
        assertEquals(0, Budgets.reservations(budget, "OPEN"));
        assertEquals(ok, Budgets.reservations(budget, "SETTLED"));
        long[] callsAfter = upstreamCalls(tag);
        long first = callsAfter[0] - callsBefore[0];
        long second = callsAfter[1] - callsBefore[1];
        assertEquals(okRows, first + second, "the two upstreams saw exactly the calls in the ledger");
        assertTrue(first > 0 && second > 0, "both servers spent from the budget: " + first + " and " + second);
    }
}
