package it.route;

import static it.support.RouterClient.chatBody;
import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.support.AdminClient;
import it.support.Budgets;
import it.support.Ledger;
import it.support.RouterClient;
import it.support.SimulatorCalls;
import it.support.StoredBackends;
import it.support.Tenants;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The routing engine through the real server: the utility's terms as explain shows them, and route doing
 * what explain said. Every test works on a tenant of its own, so cache, rules and budgets stay apart.
 */
class RoutingEngineIT {

    private final RouterClient client = new RouterClient();
    private final AdminClient admin = new AdminClient();

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode explain(String key, String body, Map<String, String> headers) {
        HttpResponse<String> r = client.postWithHeaders("/v1/route/explain", body, key, null, headers);
        assertEquals(200, r.statusCode(), r.body());
        return json(r.body());
    }

    private static JsonNode scoreOf(JsonNode plan, String model) {
        for (JsonNode s : plan.get("ranking")) {
            if (s.get("model").asText().equals(model)) {
                return s;
            }
        }
        throw new AssertionError(model + " not ranked: " + plan);
    }

    private long createSla(String body) {
        HttpResponse<String> r = admin.post("/admin/api/sla-policies", body);
        assertEquals(201, r.statusCode(), r.body());
        return json(r.body()).get("id").asLong();
    }

    private void follow(long tenantId, long policyId) {
        HttpResponse<String> r = admin.put("/admin/api/tenants/" + tenantId + "/sla-policy",
                "{\"policy_id\":" + policyId + "}");
        assertEquals(204, r.statusCode(), r.body());
    }

    private long createRule(String body) {
        HttpResponse<String> r = admin.post("/admin/api/routing-rules", body);
        assertEquals(201, r.statusCode(), r.body());
        return json(r.body()).get("id").asLong();
    }

    @Test
    void explainAgreesWithWhatRouteThenDoesAndWithTheRecordedDecision() {
        Tenants.Created t = Tenants.create(unique("agree"));
        String[] prompts = {"What is the capital of France?",
            "Prove step by step that there are infinitely many primes, then derive a bound on the n-th prime.",
            "def f(xs):\n    return sorted(xs)[len(xs) // 2]\n# what does f return for [3, 1, 2]?",
            "Write a two-line poem about autumn."};
        for (String prompt : prompts) {
            String tag = unique("ag");
            String body = chatBody("auto", prompt + " [[sim tag=" + tag + "]]", false, false);
            JsonNode plan = explain(t.key(), body, Map.of());
            assertEquals(0, SimulatorCalls.count(tag), "explain calls nothing");
            JsonNode first = plan.get("candidates").get(0);
            JsonNode best = plan.get("ranking").get(0);
            assertEquals(first.get("model").asText(), best.get("model").asText());
            for (JsonNode s : plan.get("ranking")) {
                if (s.get("eligible").asBoolean()) {
                    assertTrue(best.get("utility").asDouble() >= s.get("utility").asDouble(), plan.toString());
                    double terms = s.get("quality").asDouble() - s.get("cost_penalty").asDouble()
                            - s.get("latency_penalty").asDouble();
                    assertEquals(terms, s.get("utility").asDouble(), 0.0002, s.toString());
                }
            }

            String requestId = "it-" + UUID.randomUUID();
            HttpResponse<String> routed = client.postChat(body, t.key(), requestId);

            assertEquals(200, routed.statusCode(), routed.body());
            assertEquals(first.get("model").asText(), routed.headers().firstValue("x-router-model").orElseThrow(),
                    "route follows explain for: " + prompt);
            JsonNode recorded = latestDecision(t.id());
            assertEquals(requestId, recorded.get("request_id").asText());
            assertEquals(first.get("model").asText(), recorded.get("backend").asText());
            assertEquals("OK", recorded.get("outcome").asText());
            JsonNode full = json(admin.get("/admin/api/decisions/" + recorded.get("id").asLong()).body());
            assertEquals(first.get("model").asText(),
                    full.get("explanation").get("ranking").get(0).get("model").asText());
        }
    }

    private JsonNode latestDecision(long tenantId) {
        HttpResponse<String> r = admin.get("/admin/api/decisions?limit=1&tenant_id=" + tenantId);
        assertEquals(200, r.statusCode(), r.body());
        return json(r.body()).get("data").get(0);
    }

    @Test
    void aRuleOverridesTheRankingForItsTenantOnly() {
        Tenants.Created ruled = Tenants.create(unique("ruled"));
        Tenants.Created other = Tenants.create(unique("unruled"));
        String body = chatBody("auto", "Hello, how are you today? [[sim tag=" + unique("r") + "]]", false, false);
        long forceCloud = createRule("{\"name\":\"" + unique("cloud-only") + "\",\"priority\":5,\"tenant_id\":"
                + ruled.id() + ",\"action\":{\"type\":\"force_tier\",\"tier\":\"cloud\"}}");
        long forbidAnthropic = createRule("{\"name\":\"" + unique("no-anthropic") + "\",\"priority\":6,\"tenant_id\":"
                + ruled.id() + ",\"action\":{\"type\":\"forbid_backend\",\"backend\":\"sim-anthropic\"}}");
        try {
            JsonNode plan = explain(ruled.key(), body, Map.of());
            assertEquals(List.of("sim-cloud"), models(plan.get("candidates")), plan.toString());
            assertEquals("rule", scoreOf(plan, "sim-local").get("excluded").asText());
            assertTrue(scoreOf(plan, "sim-anthropic").get("excluded_because").asText().contains("forbidden by rule"));
            assertEquals(2, plan.get("rules").size());

            HttpResponse<String> routed = client.postChat(body, ruled.key(), null);
            assertEquals("sim-cloud", routed.headers().firstValue("x-router-model").orElseThrow());
            assertTrue(routed.headers().firstValue("x-router-reason").orElseThrow().contains("rules"));

            JsonNode unruled = explain(other.key(), body, Map.of());
            assertTrue(unruled.get("rules").isEmpty());
            assertEquals(3, models(unruled.get("candidates")).size(), "the other tenant keeps every candidate");

            HttpResponse<String> pinned = client.postChat(chatBody("sim-anthropic", "Hi", false, false), ruled.key(),
                    null);
            assertEquals(422, pinned.statusCode(), pinned.body());
            assertEquals("routing_refused", json(pinned.body()).get("error").get("code").asText());
        } finally {
            admin.delete("/admin/api/routing-rules/" + forceCloud);
            admin.delete("/admin/api/routing-rules/" + forbidAnthropic);
        }
        assertTrue(explain(ruled.key(), body, Map.of("Cache-Control", "no-cache")).get("rules").isEmpty(),
                "deleted rules stop at once");
    }

    @Test
    void aRuleCanSwitchTheCacheOffForSomePrompts() {
        Tenants.Created t = Tenants.create(unique("nocache"));
        long rule = createRule("{\"name\":\"" + unique("no-cache-for-code") + "\",\"tenant_id\":" + t.id()
                + ",\"condition\":{\"header\":\"x-team\",\"header_value\":\"secret\"},"
                + "\"action\":{\"type\":\"disable_cache\"}}");
        try {
            String tag = unique("nc");
            String body = chatBody("auto", "What is the tallest mountain on Earth? [[sim tag=" + tag + "]]", false,
                    false);
            Map<String, String> team = Map.of("x-team", "secret");
            client.postWithHeaders("/v1/chat/completions", body, t.key(), null, team);
            HttpResponse<String> again = client.postWithHeaders("/v1/chat/completions", body, t.key(), null, team);
            HttpResponse<String> otherTeam = client.postWithHeaders("/v1/chat/completions", body, t.key(), null,
                    Map.of("x-team", "public"));
            HttpResponse<String> otherTeamAgain = client.postWithHeaders("/v1/chat/completions", body, t.key(), null,
                    Map.of("x-team", "public"));

            assertEquals("BYPASS", again.headers().firstValue("x-router-cache-status").orElseThrow());
            assertEquals("MISS", otherTeam.headers().firstValue("x-router-cache-status").orElseThrow());
            assertEquals("HIT", otherTeamAgain.headers().firstValue("x-router-cache-status").orElseThrow());
            assertEquals(3, SimulatorCalls.count(tag), "the rule's requests never read or wrote the cache");
        } finally {
            admin.delete("/admin/api/routing-rules/" + rule);
        }
    }

    @Test
    void aFillingLocalQueueMovesTrafficToTheCloud() throws Exception {
        Tenants.Created t = Tenants.create(unique("queue"));
        // Money matters to this tenant (local first while nothing waits), and so does an answer within 1.5 s.
        follow(t.id(), createSla("{\"name\":\"" + unique("fast-and-cheap") + "\",\"latency_target_ms\":1500,"
                + "\"cost_weight\":5000}"));
        String body = chatBody("auto", "What is the capital of Italy? [[sim tag=" + unique("q") + "]]", false, false);
        JsonNode idle = explain(t.key(), body, Map.of());
        assertEquals("sim-local", idle.get("candidates").get(0).get("model").asText(), idle.toString());
        assertEquals(0, scoreOf(idle, "sim-local").get("latency").get("queue_ms").asLong());

        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        JsonNode busy = idle;
        try {
            // Calls that hold the local model's slots and queue, four at a time, until the ranking turns. Each holds
            // for 10 s, far longer than this loop and the routed request take even on a loaded machine: were the
            // first holds to finish in between, the queue would empty and the routed request rightly go local.
            // At most 32 holds on 4 slots drain within 80 s, inside the 120 s allowed below.
            while (held.size() < 32 && "local".equals(busy.get("candidates").get(0).get("tier").asText())) {
                for (int i = 0; i < 4; i++) {
                    String hold = chatBody("sim-local", "Hold " + held.size() + " [[sim ttft=10000 tag=" + unique("h")
                            + "]]", false, false);
                    held.add(CompletableFuture.supplyAsync(() -> client.postChat(hold, t.key(), null), pool));
                }
                long before = queueMs(busy);
                busy = pollExplain(t.key(), body, plan -> queueMs(plan) > before);
            }
            JsonNode local = scoreOf(busy, "sim-local");
            assertEquals("cloud", busy.get("candidates").get(0).get("tier").asText(), busy.toString());
            assertTrue(local.get("latency").get("queue_ms").asLong() > 0, local.toString());
            assertTrue(local.get("latency_penalty").asDouble() > 0, local.toString());
            assertTrue(local.get("eligible").asBoolean(), "a queue is not a refusal: local stays as fallback");
            assertTrue(models(busy.get("candidates")).contains("sim-local"));
            HttpResponse<String> routed = client.postChat(body, t.key(), null);
            assertEquals("cloud", routed.headers().firstValue("x-router-tier").orElseThrow(), routed.body());
        } finally {
            CompletableFuture.allOf(held.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            pool.shutdown();
        }
        assertEquals(0, queueMs(explain(t.key(), body, Map.of("Cache-Control", "no-cache"))), "the queue drained");
    }

    /** The wait for a free slot of the local model, as the ranking predicted it. */
    private static long queueMs(JsonNode plan) {
        return scoreOf(plan, "sim-local").get("latency").get("queue_ms").asLong();
    }

    private JsonNode pollExplain(String key, String body, Predicate<JsonNode> until) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode plan;
        do {
            plan = explain(key, body, Map.of());
            if (until.test(plan)) {
                return plan;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("never happened: " + plan);
    }

    @Test
    void aDeadlineExcludesASlowBackendAndABadHintIsRefused() {
        Tenants.Created t = Tenants.create(unique("deadline"));
        String slowModel = unique("it-slow");
        StoredBackends.insert(slowModel, "openai", "CLOUD", System.getProperty("router.simulator.url") + "/v1",
                "gpt-sim-slow", StoredBackends.SIMULATOR_KEY_REF, 20_000, null);
        try {
            StoredBackends.awaitListed(client, slowModel, true, Duration.ofSeconds(20));
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = client.postChat(chatBody(slowModel, "Slow " + i + " [[sim ttft=2500 tag="
                        + unique("s") + "]]", false, false), t.key(), null);
                assertEquals(200, r.statusCode(), r.body());
            }
            // One quick answer on record, so that a candidate is predicted to meet the deadline even when no
            // earlier test has called the simulated backends (their untried priors are slower than 1.5 s).
            HttpResponse<String> quick = client.postChat(chatBody("sim-cloud", "Name a river in Asia. [[sim tag="
                    + unique("q") + "]]", false, false), t.key(), null);
            assertEquals(200, quick.statusCode(), quick.body());
            String body = chatBody("auto", "Name three rivers in Europe. [[sim tag=" + unique("d") + "]]", false,
                    false);

            JsonNode free = explain(t.key(), body, Map.of());
            JsonNode bounded = explain(t.key(), body, Map.of("x-router-deadline-ms", "1500"));

            assertTrue(scoreOf(free, slowModel).get("eligible").asBoolean(), free.toString());
            assertTrue(scoreOf(free, slowModel).get("latency_ms").asLong() > 2000);
            JsonNode excluded = scoreOf(bounded, slowModel);
            assertEquals("deadline", excluded.get("excluded").asText(), bounded.toString());
            assertEquals(1500, bounded.get("sla").get("deadline_ms").asLong());
            assertFalse(models(bounded.get("candidates")).contains(slowModel));
            HttpResponse<String> routed = client.postWithHeaders("/v1/chat/completions", body, t.key(), null,
                    Map.of("x-router-deadline-ms", "1500"));
            assertEquals(200, routed.statusCode(), routed.body());
            assertNotEquals(slowModel, routed.headers().firstValue("x-router-model").orElseThrow());

            for (Map.Entry<String, String> bad : Map.of("x-router-deadline-ms", "soon", "x-router-max-cost", "-1",
                    "x-router-min-quality", "1.5").entrySet()) {
                HttpResponse<String> refused = client.postWithHeaders("/v1/chat/completions", body, t.key(), null,
                        Map.of(bad.getKey(), bad.getValue()));
                assertEquals(400, refused.statusCode(), refused.body());
                assertEquals(bad.getKey(), json(refused.body()).get("error").get("param").asText());
            }
        } finally {
            StoredBackends.delete(slowModel);
            StoredBackends.awaitListed(client, slowModel, false, Duration.ofSeconds(20));
        }
    }

    @Test
    void aCostCeilingLeavesTheFreeTierAndAPinnedPaidModelIsRefused() {
        Tenants.Created t = Tenants.create(unique("ceiling"));
        String tag = unique("c");
        String body = chatBody("auto", "Prove that the square root of 2 is irrational. [[sim tag=" + tag + "]]",
                false, false);
        Map<String, String> free = Map.of("x-router-max-cost", "0");

        JsonNode plan = explain(t.key(), body, free);
        assertEquals(List.of("sim-local"), models(plan.get("candidates")), plan.toString());
        assertEquals("max_cost", scoreOf(plan, "sim-cloud").get("excluded").asText());
        HttpResponse<String> routed = client.postWithHeaders("/v1/chat/completions", body, t.key(), null, free);
        assertEquals("sim-local", routed.headers().firstValue("x-router-model").orElseThrow(), routed.body());

        HttpResponse<String> pinned = client.postWithHeaders("/v1/chat/completions",
                chatBody("sim-cloud", "Hi [[sim tag=" + tag + "]]", false, false), t.key(), null, free);
        assertEquals(422, pinned.statusCode(), pinned.body());
        assertTrue(json(pinned.body()).get("error").get("message").asText().contains("above the maximum"));
        assertEquals(1, SimulatorCalls.count(tag), "only the free model was called");
    }

    @Test
    void anExhaustedBudgetLeavesOnlyTheFreeTierAndPacingRaisesTheCostWeight() {
        Tenants.Created broke = Tenants.create(unique("broke"));
        Budgets.create(broke.name(), 0, "MONTHLY");
        String body = chatBody("auto", "Prove step by step that the square root of 2 is irrational. [[sim tag="
                + unique("b") + "]]", false, false);

        JsonNode plan = explain(broke.key(), body, Map.of());
        assertEquals(List.of("sim-local"), models(plan.get("candidates")), plan.toString());
        assertEquals("budget", scoreOf(plan, "sim-cloud").get("excluded").asText());
        assertEquals("budget", scoreOf(plan, "sim-anthropic").get("excluded").asText());
        String requestId = "it-" + UUID.randomUUID();
        HttpResponse<String> routed = client.postChat(body, broke.key(), requestId);
        assertEquals("local", routed.headers().firstValue("x-router-tier").orElseThrow(), routed.body());
        assertEquals(List.of("sim-local:OK"), Ledger.rows(requestId).stream()
                .map(r -> r.backend() + ":" + r.outcome()).collect(Collectors.toList()),
                "the paid models were never even reserved for");

        Tenants.Created spender = Tenants.create(unique("spender"));
        long budget = Budgets.create(spender.name(), 1_000_000, "DAILY");
        double before = explain(spender.key(), body, Map.of()).get("weights").get("cost_per_usd").asDouble();
        Budgets.set(budget, 1_000_000, 600_000, 0);
        // 60% spent two hours into a day: a burn rate of 7, so the cost weight is multiplied by its cap.
        Budgets.setPeriod(budget, Duration.ofHours(2), Duration.ofHours(22));
        JsonNode paced = explain(spender.key(), body, Map.of());

        assertTrue(paced.get("budget_pacing").asText().contains("60% used"), paced.toString());
        assertTrue(paced.get("weights").get("cost_per_usd").asDouble() >= 10 * before,
                before + " -> " + paced.get("weights"));
    }

    @Test
    void feedbackTeachesTheTenantsRoutingAndABadCachedAnswerIsForgotten() {
        Tenants.Created t = Tenants.create(unique("feedback"));
        String tag = unique("f");
        String prompt = "Which planet has the most moons in the solar system? [[sim tag=" + tag + "]]";
        String requestId = "it-" + UUID.randomUUID();
        HttpResponse<String> answered = client.postChat(chatBody("sim-local", prompt, false, false), t.key(),
                requestId);
        assertEquals(200, answered.statusCode(), answered.body());
        assertTrue(answered.headers().firstValue("x-router-cache-entry").isPresent(), "the answer was cached");
        String auto = chatBody("sim-local", prompt, false, false);
        JsonNode before = scoreOf(explainNoCache(t.key(), auto), "sim-local");

        HttpResponse<String> judged = client.post("/v1/feedback",
                "{\"request_id\":\"" + requestId + "\",\"correct\":false,\"comment\":\"wrong planet\"}", null);
        HttpResponse<String> judgedAsTenant = client.postWithHeaders("/v1/feedback",
                "{\"request_id\":\"" + requestId + "\",\"correct\":false,\"comment\":\"wrong planet\"}", t.key(), null,
                Map.of());

        assertEquals(404, judged.statusCode(), "another tenant's request id is unknown: " + judged.body());
        assertEquals(200, judgedAsTenant.statusCode(), judgedAsTenant.body());
        JsonNode receipt = json(judgedAsTenant.body());
        assertEquals("sim-local", receipt.get("model").asText());
        assertEquals(0.0, receipt.get("score").asDouble());
        assertTrue(receipt.has("removed_cache_entry"), receipt.toString());
        JsonNode after = scoreOf(explainNoCache(t.key(), auto), "sim-local");
        assertTrue(after.get("quality_basis").asText().contains("similar labelled prompts"), after.toString());
        assertTrue(after.get("quality").asDouble() < before.get("quality").asDouble(), before + " -> " + after);

        HttpResponse<String> repeat = client.postChat(chatBody("sim-local", prompt, false, false), t.key(), null);
        assertEquals("MISS", repeat.headers().firstValue("x-router-cache-status").orElseThrow(),
                "the answer judged wrong is not served again");
        JsonNode decision = latestDecisionFor(t.id(), requestId);
        assertEquals(0.0, decision.get("feedback").get("score").asDouble());
        assertEquals("wrong planet", decision.get("feedback").get("comment").asText());

        assertEquals(404, client.postWithHeaders("/v1/feedback", "{\"request_id\":\"it-never-sent\",\"score\":1}",
                t.key(), null, Map.of()).statusCode());
        assertEquals(400, client.postWithHeaders("/v1/feedback", "{\"request_id\":\"" + requestId + "\"}", t.key(),
                null, Map.of()).statusCode());
        assertEquals(400, client.postWithHeaders("/v1/feedback", "{\"request_id\":\"" + requestId
                + "\",\"score\":1.5}", t.key(), null, Map.of()).statusCode());
        assertEquals(401, client.postWithHeaders("/v1/feedback", "{}", null, null, Map.of()).statusCode());
    }

    private JsonNode explainNoCache(String key, String body) {
        return explain(key, body, Map.of("Cache-Control", "no-cache"));
    }

    private JsonNode latestDecisionFor(long tenantId, String requestId) {
        for (JsonNode d : json(admin.get("/admin/api/decisions?limit=50&tenant_id=" + tenantId).body()).get("data")) {
            if (d.get("request_id").asText().equals(requestId)) {
                return d;
            }
        }
        throw new AssertionError("no decision for " + requestId);
    }

    private static List<String> models(JsonNode candidates) {
        List<String> models = new ArrayList<>();
        candidates.forEach(c -> models.add(c.get("model").asText()));
        return models;
    }
}
