package dev.llmrouter.simulator;

import static dev.llmrouter.simulator.UpstreamClient.chatBody;
import static dev.llmrouter.simulator.UpstreamClient.fields;
import static dev.llmrouter.simulator.UpstreamClient.ndjson;
import static dev.llmrouter.simulator.UpstreamClient.parse;
import static dev.llmrouter.simulator.UpstreamClient.sseData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaultDirectivesTest {

    private static final String OLLAMA_MODEL = "sim-local";
    private static final String OPENAI_MODEL = "sim-cloud";

    private static SimulatedUpstream upstream;
    private static UpstreamClient client;

    @BeforeAll
    static void start() {
        SimulatorProfile fast = new SimulatorProfile(0, 5000, 10);
        upstream = SimulatedUpstream.start("127.0.0.1", 0, fast, fast);
        client = new UpstreamClient(upstream);
    }

    @AfterAll
    static void stop() {
        upstream.close();
    }

    @Test
    void statusFailsOnlyTheFirstCallsOfATag() throws Exception {
        String prompt = "Hello [[sim status=503 fail_first=2 tag=ff-ollama]]";
        String body = chatBody(OLLAMA_MODEL, prompt, fields().put("stream", false));

        HttpResponse<String> first = client.ollamaChat(body);
        HttpResponse<String> second = client.ollamaChat(body);
        HttpResponse<String> third = client.ollamaChat(body);

        assertEquals(503, first.statusCode());
        assertEquals("simulated upstream error (HTTP 503)", parse(first.body()).get("error").asText());
        assertEquals(503, second.statusCode());
        assertEquals(200, third.statusCode());
        assertTrue(parse(third.body()).get("done").asBoolean());
        assertEquals(3, upstream.calls("ff-ollama"));
        assertEquals(0, upstream.calls("never-used"));
        JsonNode control = parse(client.get("/_sim/calls?tag=ff-ollama", null).body());
        assertEquals("ff-ollama", control.get("tag").asText());
        assertEquals(3, control.get("calls").asLong());
    }

    @Test
    void throttlingUsesOpenAiErrorBodyAndRetryAfter() throws Exception {
        String body = chatBody(OPENAI_MODEL, "Hi [[sim status=429 fail_first=1 tag=ff-openai]]", null);

        HttpResponse<String> throttled = client.openAiChat(body);
        HttpResponse<String> retried = client.openAiChat(body);

        assertEquals(429, throttled.statusCode());
        assertEquals("1", throttled.headers().firstValue("Retry-After").orElse(""));
        JsonNode error = parse(throttled.body()).get("error");
        assertEquals("rate_limit_exceeded", error.get("code").asText());
        assertFalse(error.get("message").asText().isBlank());
        assertTrue(error.has("type") && error.has("param"));
        assertEquals(200, retried.statusCode());
        assertEquals("chat.completion", parse(retried.body()).get("object").asText());
        assertEquals(2, upstream.calls("ff-openai"));
    }

    @Test
    void statusWithoutFailFirstAlwaysFails() throws Exception {
        String body = chatBody(OPENAI_MODEL, "Hi [[sim status=500 tag=always]]", null);

        assertEquals(500, client.openAiChat(body).statusCode());
        HttpResponse<String> again = client.openAiChat(body);
        assertEquals(500, again.statusCode());
        assertEquals("server_error", parse(again.body()).at("/error/type").asText());
    }

    @Test
    void resetDropsTheConnectionWithoutAResponse() {
        String ollama = chatBody(OLLAMA_MODEL, "Hi [[sim reset=true tag=reset]]", fields().put("stream", false));
        String openAi = chatBody(OPENAI_MODEL, "Hi [[sim reset=true tag=reset]]", fields().put("stream", true));

        assertThrows(IOException.class, () -> client.ollamaChat(ollama));
        assertThrows(IOException.class, () -> client.openAiChat(openAi));
        assertEquals(2, upstream.calls("reset"));
    }

    @Test
    void ollamaErrorAfterEndsTheStreamWithAnErrorLine() throws Exception {
        HttpResponse<String> response = client.ollamaChat(chatBody(OLLAMA_MODEL, "Hi [[sim error_after=3]]", null));

        List<JsonNode> lines = ndjson(response.body());
        assertEquals(200, response.statusCode());
        assertEquals(4, lines.size());
        lines.subList(0, 3).forEach(line -> assertFalse(line.get("done").asBoolean()));
        assertEquals("simulated upstream error", lines.get(3).get("error").asText());
    }

    @Test
    void openAiErrorAfterSendsAnErrorEventAndNoDone() throws Exception {
        HttpResponse<String> response = client.openAiChat(
                chatBody(OPENAI_MODEL, "Hi [[sim error_after=2]]", fields().put("stream", true)));

        List<String> data = sseData(response.body());
        assertEquals(200, response.statusCode());
        assertFalse(data.contains("[DONE]"));
        assertEquals(1 + 2 + 1, data.size());
        assertEquals("[simulated", parse(data.get(1)).at("/choices/0/delta/content").asText());
        JsonNode error = parse(data.get(3)).get("error");
        assertEquals("simulated upstream error", error.get("message").asText());
        assertEquals("server_error", error.get("type").asText());
        assertTrue(error.get("param").isNull() && error.get("code").isNull());
    }

    @Test
    void malformedAnswersOkWithInvalidJson() throws Exception {
        HttpResponse<String> ollama = client.ollamaChat(
                chatBody(OLLAMA_MODEL, "Hi [[sim malformed=true]]", fields().put("stream", false)));
        HttpResponse<String> openAi = client.openAiChat(chatBody(OPENAI_MODEL, "Hi [[sim malformed=true]]", null));

        assertEquals(200, ollama.statusCode());
        assertThrows(JsonProcessingException.class, () -> parse(ollama.body()));
        assertEquals(200, openAi.statusCode());
        assertThrows(JsonProcessingException.class, () -> parse(openAi.body()));
    }

    @Test
    void tokensDirectiveOverridesTheProfile() throws Exception {
        JsonNode body = parse(client.openAiChat(chatBody(OPENAI_MODEL, "Hi [[sim tokens=25 tps=2000]]", null)).body());

        assertEquals(25, body.at("/usage/completion_tokens").asInt());
        assertFalse(body.at("/choices/0/message/content").asText().contains("[[sim"));
    }

    @Test
    void stallKeepsTheStreamOpenUntilTheServerCloses() throws Exception {
        SimulatedUpstream own = SimulatedUpstream.start("127.0.0.1", 0, new SimulatorProfile(0, 5000, 10),
                SimulatorProfile.cloud());
        try {
            HttpResponse<InputStream> response = new UpstreamClient(own)
                    .ollamaChatStream(chatBody(OLLAMA_MODEL, "Hi [[sim stall_after=2]]", null));
            BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            assertEquals("[simulated", parse(reader.readLine()).at("/message/content").asText());
            assertEquals(" sim-local]", parse(reader.readLine()).at("/message/content").asText());
            CompletableFuture<String> next = CompletableFuture.supplyAsync(() -> {
                try {
                    return reader.readLine();
                } catch (IOException e) {
                    return "closed: " + e;
                }
            });

            assertThrows(TimeoutException.class, () -> next.get(300, TimeUnit.MILLISECONDS));
            assertEquals(1, own.calls(null));

            own.close();
            String afterClose = next.get(5, TimeUnit.SECONDS);
            assertTrue(afterClose == null || afterClose.startsWith("closed: "), afterClose);
        } finally {
            own.close();
        }
    }
}
