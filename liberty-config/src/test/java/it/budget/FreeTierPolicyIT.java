package it.budget;

import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import it.support.Budgets;
import it.support.Ledger;
import it.support.RouterClient;
import it.support.SimulatorCalls;
import it.support.Tenants;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * tenants.free_tiers_when_exhausted = false: once the money is gone, cache hits and free models are
 * refused like paid ones, until the budget resets. (The default, true, is covered by BudgetIT.)
 */
class FreeTierPolicyIT {

    private final RouterClient client = new RouterClient();

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String body(String model, String content) {
        ObjectNode root = RouterClient.JSON.createObjectNode().put("model", model);
        root.putArray("messages").addObject().put("role", "user").put("content", content);
        return root.toString();
    }

    @Test
    void aCacheHitIsRefusedOnceTheMoneyIsGone() {
        String tenant = unique("closed-cache");
        String key = Tenants.createWithKey(tenant);
        String tag = unique("cc");
        String cacheable = body("sim-cloud", "What is the melting point of iron? [[sim tokens=8 ttft=0 tag=" + tag + "]]");
        assertEquals(200, client.postChat(cacheable, key, null).statusCode());
        Tenants.freeTiersWhenExhausted(tenant, false);
        long budget = Budgets.create(tenant, 0, "MONTHLY");
        String requestId = "it-" + UUID.randomUUID();

        HttpResponse<String> refused = client.postChat(cacheable, key, requestId);

        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals("budget_exceeded", json(refused.body()).get("error").get("type").asText());
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(Math.abs(retryAfter - Budgets.secondsUntilReset(budget)) <= 5, "Retry-After is the monthly reset");
        assertEquals(1, SimulatorCalls.count(tag), "only the first, paid-for answer reached a model");
        assertEquals(List.of("CACHE:REJECTED"), Ledger.rows(requestId).stream()
                .map(r -> r.tier() + ":" + r.outcome()).collect(Collectors.toList()));
    }

    @Test
    void aFreeModelIsRefusedOnceTheMoneyIsGone() {
        String tenant = unique("closed-local");
        String key = Tenants.createWithKey(tenant);
        Tenants.freeTiersWhenExhausted(tenant, false);
        Budgets.create(tenant, 0, "MONTHLY");
        String tag = unique("cl");
        String requestId = "it-" + UUID.randomUUID();

        HttpResponse<String> pinned = client.postChat(body("sim-local",
                "Hello there [[sim tokens=5 ttft=0 tag=" + tag + "]]"), key, requestId);
        HttpResponse<String> auto = client.postChat(body("auto",
                "Prove step by step that 17 is prime. [[sim tokens=5 ttft=0 tag=" + tag + "]]"), key, null);

        assertEquals(429, pinned.statusCode(), pinned.body());
        assertTrue(pinned.headers().firstValue("Retry-After").isPresent());
        assertEquals(429, auto.statusCode(), "auto finds no open tier either: " + auto.body());
        assertEquals(0, SimulatorCalls.count(tag), "no model was called");
        assertEquals(List.of("sim-local:REJECTED"), Ledger.rows(requestId).stream()
                .map(r -> r.backend() + ":" + r.outcome()).collect(Collectors.toList()));
    }

    @Test
    void freeTiersStayOpenWhileMoneyIsLeft() {
        String tenant = unique("closed-room");
        String key = Tenants.createWithKey(tenant);
        Tenants.freeTiersWhenExhausted(tenant, false);
        long budget = Budgets.create(tenant, 1_000_000, "MONTHLY");
        String tag = unique("cr");

        HttpResponse<String> local = client.postChat(body("sim-local",
                "Hello again [[sim tokens=5 ttft=0 tag=" + tag + "]]"), key, null);

        assertEquals(200, local.statusCode(), local.body());
        assertEquals("local", local.headers().firstValue("x-router-tier").orElseThrow());
        assertEquals(1, SimulatorCalls.count(tag));
        assertEquals(0, Budgets.state(budget).spentMicros(), "the free model cost nothing");
    }

    @Test
    void anExhaustedKeyBudgetClosesFreeTiersForThatKeyOnly() {
        String tenant = unique("closed-key");
        String spent = Tenants.createWithKey(tenant);
        String other = Tenants.addKey(tenant);
        Tenants.freeTiersWhenExhausted(tenant, false);
        Budgets.createForKey(spent, 0);
        String tag = unique("ck");

        HttpResponse<String> refused = client.postChat(body("sim-local",
                "Hi [[sim tokens=5 ttft=0 tag=" + tag + "]]"), spent, null);
        HttpResponse<String> served = client.postChat(body("sim-local",
                "Hi [[sim tokens=5 ttft=0 tag=" + tag + "]]"), other, null);

        assertEquals(429, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Retry-After").isEmpty(), "the key's budget never resets");
        assertEquals(200, served.statusCode(), served.body());
        assertEquals(1, SimulatorCalls.count(tag));
    }
}
