package it.cache;

import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import it.support.Ledger;
import it.support.RouterClient;
import it.support.SimulatorCalls;
import it.support.Tenants;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The cache through the whole EAR: real embeddings, real pgvector, the simulated upstream behind it. */
class SemanticCacheIT {

    private final RouterClient client = new RouterClient();

    /** A word no other test uses, so every test has questions of its own. */
    private static String unique() {
        return "Zorblax" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
    }

    private static String tag() {
        return "c" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String body(String model, String question, Map<String, Object> extra) {
        ObjectNode root = RouterClient.JSON.createObjectNode().put("model", model);
        root.putArray("messages").addObject().put("role", "user").put("content", question);
        extra.forEach((k, v) -> root.set(k, RouterClient.JSON.valueToTree(v)));
        return root.toString();
    }

    private HttpResponse<String> ask(String question) {
        return client.postChat(body("sim-local", question, Map.of()));
    }

    private static String status(HttpResponse<String> response) {
        return response.headers().firstValue("x-router-cache-status").orElse("none");
    }

    private static String content(HttpResponse<String> response) {
        return json(response.body()).get("choices").get(0).get("message").get("content").asText();
    }

    @Test
    void anExactRepeatIsServedFromTheCacheWithoutCallingTheModel() {
        String tag = tag();
        String question = "What is the tallest mountain on " + unique() + "? [[sim tag=" + tag + " ttft=0 tps=1000]]";
        HttpResponse<String> first = ask(question);
        String requestId = "it-" + UUID.randomUUID();
        HttpResponse<String> second = client.postChat(body("sim-local", question, Map.of()), client.apiKey(), requestId);

        assertEquals(200, first.statusCode(), first.body());
        assertEquals("MISS", status(first));
        assertTrue(first.headers().firstValue("x-router-cache-entry").isPresent(), "the answer was stored");
        assertEquals(200, second.statusCode(), second.body());
        assertEquals("HIT", status(second));
        assertEquals("cache", second.headers().firstValue("x-router-tier").orElseThrow());
        assertEquals("sim-local", json(second.body()).get("model").asText(), "names the model that produced it");
        assertEquals("true", second.headers().firstValue("x-router-simulated").orElseThrow(), "still labelled simulated");
        assertEquals(content(first), content(second));
        assertEquals(first.headers().firstValue("x-router-cache-entry"), second.headers().firstValue("x-router-cache-entry"));
        assertEquals(1, SimulatorCalls.count(tag), "the model answered once");
        Ledger.Row row = Ledger.rows(requestId).get(0);
        assertEquals("CACHE", row.tier());
        assertEquals(0, row.costMicros());
        assertTrue(row.shadowCostMicros() > 0, "the saving is recorded");
    }

    @Test
    void aParaphraseIsASemanticHit() {
        String app = unique();
        HttpResponse<String> first = ask("How do I reset my password in the " + app + " app?");
        HttpResponse<String> second = ask("How can I reset my password in the " + app + " app?");

        assertEquals("MISS", status(first));
        assertEquals("SEMANTIC_HIT", status(second), second.headers().map().toString());
        double similarity = Double.parseDouble(second.headers().firstValue("x-router-cache-similarity").orElseThrow());
        assertTrue(similarity > 0.8 && similarity < 1.0, "similarity " + similarity);
        assertEquals(content(first), content(second));
    }

    @Test
    void numbersAndNegationAreNeverConfused() {
        String u = unique();
        ask("What is 2+2 in " + u + "?");
        HttpResponse<String> numbers = ask("What is 2+3 in " + u + "?");
        ask("Please cancel my order " + u);
        HttpResponse<String> negated = ask("Please don't cancel my order " + u);

        assertEquals("MISS", status(numbers));
        assertEquals("MISS", status(negated));
        assertFalse(content(negated).isBlank());
    }

    @Test
    void anotherTenantNeverSeesTheEntriesVerbatimOrParaphrased() {
        String app = unique();
        String question = "How do I export my contacts from " + app + "?";
        ask(question);
        assertEquals("HIT", status(ask(question)), "the owner hits");
        HttpResponse<String> ownParaphrase = ask("How can I export my contacts from " + app + "?");
        assertEquals("SEMANTIC_HIT", status(ownParaphrase), "the owner's paraphrase hits");

        // Two fresh tenants, so neither can hit what the other stored while asking.
        HttpResponse<String> verbatim = client.postChat(body("sim-local", question, Map.of()),
                Tenants.createWithKey("it-tenant-a-" + app), null);
        HttpResponse<String> paraphrase = client.postChat(
                body("sim-local", "How can I export my contacts from " + app + "?", Map.of()),
                Tenants.createWithKey("it-tenant-b-" + app), null);

        assertEquals(200, verbatim.statusCode(), verbatim.body());
        assertEquals("MISS", status(verbatim));
        assertEquals("MISS", status(paraphrase));
    }

    @Test
    void adifferentModelSystemPromptOrEarlierTurnIsAnotherPartition() {
        String question = "Which river flows through " + unique() + "?";
        ask(question);
        assertEquals("HIT", status(ask(question)));

        HttpResponse<String> otherModel = client.postChat(body("sim-cloud", question, Map.of()));
        ObjectNode withSystem = RouterClient.JSON.createObjectNode().put("model", "sim-local");
        withSystem.putArray("messages")
                .add(RouterClient.JSON.createObjectNode().put("role", "system").put("content", "Answer in French."))
                .add(RouterClient.JSON.createObjectNode().put("role", "user").put("content", question));
        ObjectNode withHistory = RouterClient.JSON.createObjectNode().put("model", "sim-local");
        withHistory.putArray("messages")
                .add(RouterClient.JSON.createObjectNode().put("role", "user").put("content", "Hi"))
                .add(RouterClient.JSON.createObjectNode().put("role", "assistant").put("content", "Hello!"))
                .add(RouterClient.JSON.createObjectNode().put("role", "user").put("content", question));

        assertEquals("MISS", status(otherModel));
        assertEquals("MISS", status(client.postChat(withSystem.toString())));
        assertEquals("MISS", status(client.postChat(withHistory.toString())));
    }

    @Test
    void noStoreNeitherReadsNorWrites() {
        String question = "What colour is the sky over " + unique() + "?";
        HttpResponse<String> bypassed = client.postChat(body("sim-local", question,
                Map.of("cache", Map.of("no-store", true))));
        HttpResponse<String> next = ask(question);

        assertEquals("BYPASS", status(bypassed));
        assertTrue(bypassed.headers().firstValue("x-router-cache-entry").isEmpty());
        assertEquals("MISS", status(next), "nothing was stored");
    }

    @Test
    void cacheControlNoCacheAnswersFreshButStillStores() {
        String question = "When was " + unique() + " founded?";
        ask(question);
        HttpResponse<String> fresh = client.postChatWithHeader(body("sim-local", question, Map.of()),
                "Cache-Control", "no-cache");

        assertEquals("BYPASS", status(fresh));
        assertEquals("local", fresh.headers().firstValue("x-router-tier").orElseThrow());
        assertEquals("HIT", status(ask(question)));
    }

    @Test
    void aNamespaceIsAPartitionOfItsOwn() {
        String question = "What is the national dish of " + unique() + "?";
        HttpResponse<String> stored = client.postChat(body("sim-local", question,
                Map.of("cache", Map.of("namespace", "faq"))));
        HttpResponse<String> outside = ask(question);
        HttpResponse<String> inside = client.postChat(body("sim-local", question,
                Map.of("cache", Map.of("namespace", "faq"))));

        assertEquals("MISS", status(stored));
        assertEquals("MISS", status(outside), "the default namespace does not see the faq entry");
        assertEquals("HIT", status(inside));
        assertEquals(stored.headers().firstValue("x-router-cache-entry").orElseThrow(),
                inside.headers().firstValue("x-router-cache-entry").orElseThrow());
    }

    @Test
    void maxAgeServesOnlyEntriesYoungEnough() {
        String question = "How old is the oldest tree in " + unique() + "?";
        HttpResponse<String> stored = ask(question);
        HttpResponse<String> tooOld = client.postChatWithHeader(body("sim-local", question, Map.of()),
                "Cache-Control", "max-age=0");
        HttpResponse<String> youngEnough = client.postChatWithHeader(body("sim-local", question, Map.of()),
                "Cache-Control", "max-age=3600");

        assertEquals("MISS", status(stored));
        assertEquals("MISS", status(tooOld), "an entry stored before the request is older than 0 s");
        assertEquals("local", tooOld.headers().firstValue("x-router-tier").orElseThrow());
        assertEquals("HIT", status(youngEnough));
    }

    @Test
    void badCacheControlsAreRefusedWithAnOpenAiError() {
        String question = "Where does the river of " + unique() + " rise?";
        HttpResponse<String> badAge = client.postChatWithHeader(body("sim-local", question, Map.of()),
                "Cache-Control", "max-age=soon");
        HttpResponse<String> badTtl = client.postChat(body("sim-local", question, Map.of("cache", Map.of("ttl", 0))));

        assertEquals(400, badAge.statusCode(), badAge.body());
        assertEquals("invalid_request_error", json(badAge.body()).get("error").get("type").asText());
        assertEquals("Cache-Control", json(badAge.body()).get("error").get("param").asText());
        assertEquals(400, badTtl.statusCode(), badTtl.body());
        assertEquals("cache.ttl", json(badTtl.body()).get("error").get("param").asText());
        assertEquals("MISS", status(ask(question)), "refused requests stored nothing");
    }

    @Test
    void anExpiredEntryIsNeverServed() {
        String question = "Who governs " + unique() + "?";
        HttpResponse<String> stored = client.postChat(body("sim-local", question, Map.of("cache", Map.of("ttl", 1))));
        assertEquals("MISS", status(stored));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        String later = "HIT";
        while (Instant.now().isBefore(deadline) && !"MISS".equals(later)) {
            later = status(ask(question));
        }
        assertEquals("MISS", later, "the entry expired after its one-second TTL");
    }

    @Test
    void aHitIsStreamedWhenTheClientAsksForAStream() {
        String question = "What is the currency of " + unique() + "?";
        HttpResponse<String> first = ask(question);
        HttpResponse<String> streamed = client.postChat(RouterClient.chatBody("sim-local", question, true, true));

        assertEquals(200, streamed.statusCode(), streamed.body());
        assertEquals("HIT", status(streamed));
        List<String> events = RouterClient.sseData(streamed.body());
        assertEquals("[DONE]", events.get(events.size() - 1));
        StringBuilder text = new StringBuilder();
        boolean usageSeen = false;
        for (String event : events.subList(0, events.size() - 1)) {
            var chunk = json(event);
            if (chunk.get("choices").isEmpty()) {
                usageSeen = chunk.get("usage").get("completion_tokens").asInt() > 0;
            } else {
                text.append(chunk.get("choices").get(0).get("delta").path("content").asText(""));
            }
        }
        assertEquals(content(first), text.toString());
        assertTrue(usageSeen, "usage in the last chunk");
    }

    @Test
    void hotSamplingIsNotStored() {
        String question = "Write a haiku about " + unique();
        HttpResponse<String> hot = client.postChat(body("sim-local", question, Map.of("temperature", 1.5)));
        HttpResponse<String> again = client.postChat(body("sim-local", question, Map.of("temperature", 1.5)));

        assertEquals("MISS", status(hot));
        assertTrue(hot.headers().firstValue("x-router-cache-entry").isEmpty());
        assertEquals("MISS", status(again));
    }
}
