package it.budget;

import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import it.support.Budgets;
import it.support.RouterClient;
import it.support.Tenants;
import java.net.http.HttpResponse;
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
 * A key with a budget of its own spends from it and from the tenant's at once: one reservation holds the
 * worst case on both, and whichever cannot fit it refuses the call.
 */
class PerKeyBudgetIT {

    /**
     * sim-cloud at 0.15 / 0.60 micro-USD a token: a 14-character prompt with max_tokens 5 reserves exactly
     * what it costs, 2 + 3 micro-USD (see TwoServerBudgetIT), so budgets afford an exact number of calls.
     */
    private static final long CALL = 5;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RouterClient client = new RouterClient();

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The whole message is 14 characters, so that the real cost equals the reserved worst case. */
    private static String exactBody() {
        String tag = "" + ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()))
                + ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        ObjectNode root = RouterClient.JSON.createObjectNode().put("model", "sim-cloud").put("max_tokens", 5);
        root.putArray("messages").addObject().put("role", "user").put("content", "[[sim tag=" + tag + "]]");
        root.putObject("cache").put("no-store", true);
        return root.toString();
    }

    @Test
    void theKeyBudgetRefusesWhileTheTenantBudgetHasRoom() {
        String tenant = unique("keybudget");
        String limited = Tenants.createWithKey(tenant);
        String other = Tenants.addKey(tenant);
        long tenantBudget = Budgets.create(tenant, 1_000 * CALL, "MONTHLY");
        long keyBudget = Budgets.createForKey(limited, 3 * CALL - 1);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(client.postChat(exactBody(), limited, null).statusCode());
        }
        HttpResponse<String> refused = client.postChat(exactBody(), limited, null);
        HttpResponse<String> otherKey = client.postChat(exactBody(), other, null);

        assertEquals(List.of(200, 200, 429), statuses, "the key's budget affords two calls");
        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals("budget_exceeded", json(refused.body()).get("error").get("code").asText());
        assertTrue(json(refused.body()).get("error").get("message").asText().contains("API key"), refused.body());
        assertTrue(refused.headers().firstValue("Retry-After").isEmpty(), "a key budget without period never resets");
        assertEquals(200, otherKey.statusCode(), "another key of the tenant is not bound by it: " + otherKey.body());
        Budgets.State key = Budgets.state(keyBudget);
        Budgets.State all = Budgets.state(tenantBudget);
        assertEquals(2 * CALL, key.spentMicros());
        assertEquals(3 * CALL, all.spentMicros(), "the tenant paid for every call of every key");
        assertEquals(Budgets.ledgerCostMicrosOfKey(limited), key.spentMicros());
        assertEquals(Budgets.ledgerCostMicros(tenant), all.spentMicros());
        assertEquals(0, key.reservedMicros());
        assertEquals(0, all.reservedMicros());
        assertEquals(2, Budgets.reservationsHeldWithKeyBudget(tenantBudget, keyBudget),
                "each call of the limited key held both budgets with one reservation");
    }

    @Test
    void theTenantBudgetStillBindsAKeyWithRoomOfItsOwn() {
        String tenant = unique("keyroom");
        String key = Tenants.createWithKey(tenant);
        long tenantBudget = Budgets.create(tenant, CALL, "MONTHLY");
        long keyBudget = Budgets.createForKey(key, 1_000 * CALL);

        HttpResponse<String> first = client.postChat(exactBody(), key, null);
        HttpResponse<String> second = client.postChat(exactBody(), key, null);

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(429, second.statusCode(), second.body());
        assertTrue(json(second.body()).get("error").get("message").asText().contains("tenant"), second.body());
        assertTrue(second.headers().firstValue("Retry-After").isPresent(), "the tenant's monthly budget resets");
        Budgets.State keyState = Budgets.state(keyBudget);
        assertEquals(CALL, keyState.spentMicros());
        assertEquals(0, keyState.reservedMicros(), "the refused call's hold on the key budget was given back");
        assertEquals(CALL, Budgets.state(tenantBudget).spentMicros());
    }

    @Test
    void concurrentCallsOfTwoKeysOverspendNeitherBudget() throws Exception {
        String tenant = unique("keyrace");
        String limited = Tenants.createWithKey(tenant);
        String free = Tenants.addKey(tenant);
        long tenantBudget = Budgets.create(tenant, 15 * CALL, "MONTHLY");
        long keyBudget = Budgets.createForKey(limited, 10 * CALL);

        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<HttpResponse<String>>> limitedCalls = new ArrayList<>();
        List<Future<HttpResponse<String>>> freeCalls = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                limitedCalls.add(pool.submit(() -> client.postChat(exactBody(), limited, null)));
                freeCalls.add(pool.submit(() -> client.postChat(exactBody(), free, null)));
            }
            long limitedOk = succeeded(limitedCalls);
            long freeOk = succeeded(freeCalls);

            assertEquals(15, limitedOk + freeOk, "exactly what the tenant budget affords");
            assertTrue(limitedOk <= 10, "the limited key stayed within its own budget: " + limitedOk);
            Budgets.State all = Budgets.state(tenantBudget);
            Budgets.State key = Budgets.state(keyBudget);
            assertEquals(15 * CALL, all.spentMicros());
            assertEquals(limitedOk * CALL, key.spentMicros());
            assertEquals(Budgets.ledgerCostMicros(tenant), all.spentMicros());
            assertEquals(Budgets.ledgerCostMicrosOfKey(limited), key.spentMicros());
            assertEquals(0, all.reservedMicros());
            assertEquals(0, key.reservedMicros());
            assertEquals(0, Budgets.reservations(tenantBudget, "OPEN"));
        } finally {
            pool.shutdownNow();
        }
    }

    private static long succeeded(List<Future<HttpResponse<String>>> calls) throws Exception {
        long ok = 0;
        for (Future<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get(120, TimeUnit.SECONDS);
            if (response.statusCode() == 200) {
                ok++;
            } else {
                assertEquals(429, response.statusCode(), response.body());
            }
        }
        return ok;
    }
}
