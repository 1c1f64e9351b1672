package it.idempotency;

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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on POST /v1/chat/completions: retries replay the first answer, never call or charge again. */
class IdempotencyKeyIT {

    private final RouterClient client = new RouterClient();

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String body(String content, boolean stream) {
        ObjectNode root = RouterClient.JSON.createObjectNode().put("model", "sim-cloud").put("max_tokens", 8);
        root.putArray("messages").addObject().put("role", "user").put("content", content);
        if (stream) {
            root.put("stream", true);
        }
        // Every repeat must be a model call unless the key prevents it: the cache stays out of the way.
        root.putObject("cache").put("no-store", true);
        return root.toString();
    }

    private static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }

    @Test
    void aRetryReplaysTheFirstAnswerWithoutCallingOrCharging() {
        String tenant = unique("idem");
        String apiKey = Tenants.createWithKey(tenant);
        long budget = Budgets.create(tenant, 1_000_000, "MONTHLY");
        String tag = unique("idem");
        String request = body("Name a colour. [[sim tokens=8 ttft=0 tag=" + tag + "]]", false);
        String idempotencyKey = UUID.randomUUID().toString();

        HttpResponse<String> first = client.postChatWithHeaders(request, apiKey, key(idempotencyKey));
        long spentAfterFirst = Budgets.state(budget).spentMicros();
        HttpResponse<String> retry = client.postChatWithHeaders(request, apiKey, key(idempotencyKey));

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(200, retry.statusCode(), retry.body());
        assertEquals(first.body(), retry.body(), "the same answer, byte for byte");
        String requestId = first.headers().firstValue("x-request-id").orElseThrow();
        assertEquals(requestId, retry.headers().firstValue("x-request-id").orElseThrow());
        assertEquals(first.headers().firstValue("x-router-cost-usd"), retry.headers().firstValue("x-router-cost-usd"));
        assertEquals("true", retry.headers().firstValue("x-router-idempotent-replay").orElseThrow());
        assertTrue(first.headers().firstValue("x-router-idempotent-replay").isEmpty());
        assertEquals(1, SimulatorCalls.count(tag), "the model was called once");
        assertTrue(spentAfterFirst > 0);
        assertEquals(spentAfterFirst, Budgets.state(budget).spentMicros(), "the retry charged nothing");
        assertEquals(1, Budgets.ledgerRows(tenant, "OK"), "one ledger row for both");
        assertEquals(1, Ledger.rows(requestId).size());
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String tenant = unique("idem-body");
        String apiKey = Tenants.createWithKey(tenant);
        String tag = unique("idemb");
        String idempotencyKey = UUID.randomUUID().toString();

        HttpResponse<String> first = client.postChatWithHeaders(
                body("One [[sim tokens=4 ttft=0 tag=" + tag + "]]", false), apiKey, key(idempotencyKey));
        HttpResponse<String> other = client.postChatWithHeaders(
                body("Two [[sim tokens=4 ttft=0 tag=" + tag + "]]", false), apiKey, key(idempotencyKey));

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(422, other.statusCode(), other.body());
        assertEquals("idempotency_key_reused", json(other.body()).get("error").get("code").asText());
        assertEquals("invalid_request_error", json(other.body()).get("error").get("type").asText());
        assertEquals(1, SimulatorCalls.count(tag));
    }

    @Test
    void aDuplicateWhileTheFirstRunsGets409ThenTheAnswer() throws Exception {
        String tenant = unique("idem-race");
        String apiKey = Tenants.createWithKey(tenant);
        String tag = unique("idemr");
        String request = body("Slow one [[sim tokens=4 ttft=3000 tag=" + tag + "]]", false);
        String idempotencyKey = UUID.randomUUID().toString();

        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                () -> client.postChatWithHeaders(request, apiKey, key(idempotencyKey)));
        awaitKey(tenant, idempotencyKey, "IN_PROGRESS", Duration.ofSeconds(30));
        HttpResponse<String> duplicate = client.postChatWithHeaders(request, apiKey, key(idempotencyKey));
        HttpResponse<String> answered = first.get(60, TimeUnit.SECONDS);
        HttpResponse<String> retry = client.postChatWithHeaders(request, apiKey, key(idempotencyKey));

        assertEquals(409, duplicate.statusCode(), duplicate.body());
        assertEquals("idempotency_key_in_use", json(duplicate.body()).get("error").get("code").asText());
        assertEquals(200, answered.statusCode(), answered.body());
        assertEquals(200, retry.statusCode(), retry.body());
        assertEquals(answered.body(), retry.body());
        assertEquals(1, SimulatorCalls.count(tag), "neither the duplicate nor the retry called the model");
    }

    @Test
    void aStreamIsReplayedAsTheSameEvents() {
        String tenant = unique("idem-sse");
        String apiKey = Tenants.createWithKey(tenant);
        String tag = unique("idems");
        String request = body("Stream it [[sim tokens=6 ttft=0 tag=" + tag + "]]", true);
        String idempotencyKey = UUID.randomUUID().toString();

        HttpResponse<String> first = client.postChatWithHeaders(request, apiKey, key(idempotencyKey));
        HttpResponse<String> retry = client.postChatWithHeaders(request, apiKey, key(idempotencyKey));

        assertEquals(200, first.statusCode(), first.body());
        assertTrue(first.body().contains("data: [DONE]"), first.body());
        assertEquals(200, retry.statusCode(), retry.body());
        assertEquals(first.body(), retry.body(), "the same events, byte for byte");
        assertTrue(retry.headers().firstValue("content-type").orElseThrow().startsWith("text/event-stream"));
        assertEquals("true", retry.headers().firstValue("x-router-idempotent-replay").orElseThrow());
        assertEquals(first.headers().firstValue("x-request-id"), retry.headers().firstValue("x-request-id"));
        assertEquals(1, SimulatorCalls.count(tag));
    }

    @Test
    void aFailedRequestReleasesItsKeySoTheRetryRunsAnew() {
        String tenant = unique("idem-fail");
        String apiKey = Tenants.createWithKey(tenant);
        long budget = Budgets.create(tenant, 0, "MONTHLY");
        String tag = unique("idemf");
        String request = body("Pay me [[sim tokens=4 ttft=0 tag=" + tag + "]]", false);
        String idempotencyKey = UUID.randomUUID().toString();

        HttpResponse<String> refused = client.postChatWithHeaders(request, apiKey, key(idempotencyKey));
        Budgets.set(budget, 1_000_000, 0, 0);
        HttpResponse<String> retry = client.postChatWithHeaders(request, apiKey, key(idempotencyKey));

        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals(200, retry.statusCode(), "a refusal is not stored: " + retry.body());
        assertTrue(retry.headers().firstValue("x-router-idempotent-replay").isEmpty());
        assertEquals(1, SimulatorCalls.count(tag));
    }

    @Test
    void keysBelongToOneTenant() {
        String tag = unique("idemt");
        String request = body("Whose key? [[sim tokens=4 ttft=0 tag=" + tag + "]]", false);
        String idempotencyKey = UUID.randomUUID().toString();
        String first = Tenants.createWithKey(unique("idem-a"));
        String second = Tenants.createWithKey(unique("idem-b"));

        HttpResponse<String> a = client.postChatWithHeaders(request, first, key(idempotencyKey));
        HttpResponse<String> b = client.postChatWithHeaders(request, second, key(idempotencyKey));

        assertEquals(200, a.statusCode(), a.body());
        assertEquals(200, b.statusCode(), b.body());
        assertTrue(b.headers().firstValue("x-router-idempotent-replay").isEmpty(), "another tenant's answer is never replayed");
        assertEquals(2, SimulatorCalls.count(tag));
    }

    @Test
    void anExpiredKeyRunsAnew() {
        String tenant = unique("idem-exp");
        String apiKey = Tenants.createWithKey(tenant);
        String tag = unique("idemx");
        String request = body("Again later [[sim tokens=4 ttft=0 tag=" + tag + "]]", false);
        String idempotencyKey = UUID.randomUUID().toString();

        HttpResponse<String> first = client.postChatWithHeaders(request, apiKey, key(idempotencyKey));
        expire(tenant, idempotencyKey);
        HttpResponse<String> later = client.postChatWithHeaders(request, apiKey, key(idempotencyKey));

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(200, later.statusCode(), later.body());
        assertTrue(later.headers().firstValue("x-router-idempotent-replay").isEmpty());
        assertEquals(2, SimulatorCalls.count(tag));
    }

    @Test
    void aMalformedKeyIsRejected() {
        String tag = unique("idemm");
        String request = body("Bad key [[sim tokens=4 ttft=0 tag=" + tag + "]]", false);

        HttpResponse<String> tooLong = client.postChatWithHeaders(request, client.apiKey(), key("k".repeat(256)));
        HttpResponse<String> spaced = client.postChatWithHeaders(request, client.apiKey(), key("two words"));

        for (HttpResponse<String> response : java.util.List.of(tooLong, spaced)) {
            assertEquals(400, response.statusCode(), response.body());
            assertEquals("invalid_idempotency_key", json(response.body()).get("error").get("code").asText());
        }
        assertEquals(0, SimulatorCalls.count(tag));
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("db.url"), System.getProperty("db.user"),
                System.getProperty("db.password", ""));
    }

    private static String status(String tenant, String key) {
        String sql = "select k.status from idempotency_keys k join tenants t on t.id = k.tenant_id"
                + " where t.name = ? and k.idempotency_key = ?";
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** As if the key's day had passed. */
    private static void expire(String tenant, String key) {
        String sql = "update idempotency_keys set expires_at = now() - interval '1 second'"
                + " where idempotency_key = ? and tenant_id = (select id from tenants where name = ?)";
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            ps.setString(2, tenant);
            assertEquals(1, ps.executeUpdate());
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitKey(String tenant, String key, String expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!expected.equals(status(tenant, key))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("key " + key + " never became " + expected);
            }
            // Paces the polling; the deadline, not this pause, decides how long the test waits.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }
}
