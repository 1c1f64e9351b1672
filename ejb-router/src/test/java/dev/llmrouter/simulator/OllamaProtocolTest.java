package dev.llmrouter.simulator;

import static dev.llmrouter.simulator.UpstreamClient.chatBody;
import static dev.llmrouter.simulator.UpstreamClient.fields;
import static dev.llmrouter.simulator.UpstreamClient.ndjson;
import static dev.llmrouter.simulator.UpstreamClient.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OllamaProtocolTest {

    private static final String MODEL = "sim-local";
    private static final String QUESTION = "What is the capital of France?";

    private static SimulatedUpstream upstream;
    private static UpstreamClient client;

    @BeforeAll
    static void start() {
        upstream = SimulatedUpstream.start("127.0.0.1", 0, new SimulatorProfile(0, 5000, 16),
                new SimulatorProfile(0, 5000, 16));
        client = new UpstreamClient(upstream);
    }

    @AfterAll
    static void stop() {
        upstream.close();
    }

    @Test
    void nonStreamingAnswerHasOllamaShape() throws Exception {
        HttpResponse<String> response = client.ollamaChat(chatBody(MODEL, QUESTION, fields().put("stream", false)));

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("true", response.headers().firstValue("X-Simulated").orElse(""));
        JsonNode body = parse(response.body());
        assertEquals(MODEL, body.get("model").asText());
        OffsetDateTime.parse(body.get("created_at").asText());
        assertTrue(body.get("created_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z"));
        assertEquals("assistant", body.at("/message/role").asText());
        assertTrue(body.at("/message/content").asText()
                .startsWith("[simulated sim-local] Here is a simulated answer to: What is the capital of France?"));
        assertTrue(body.get("done").asBoolean());
        assertEquals("stop", body.get("done_reason").asText());
        assertEquals(16, body.get("eval_count").asInt());
        assertEquals((int) Math.ceil(QUESTION.length() / 4.0) + 3, body.get("prompt_eval_count").asInt());
        for (String duration : List.of("total_duration", "load_duration", "prompt_eval_duration", "eval_duration")) {
            assertTrue(body.get(duration).isIntegralNumber() && body.get(duration).asLong() >= 0, duration);
        }
    }

    @Test
    void streamedPiecesConcatenateToTheNonStreamedAnswer() throws Exception {
        String expected = parse(client.ollamaChat(chatBody(MODEL, QUESTION, fields().put("stream", false))).body())
                .at("/message/content").asText();

        HttpResponse<String> response = client.ollamaChat(chatBody(MODEL, QUESTION, fields().put("stream", true)));

        assertEquals(200, response.statusCode());
        assertEquals("application/x-ndjson", response.headers().firstValue("Content-Type").orElse(""));
        List<JsonNode> lines = ndjson(response.body());
        JsonNode last = lines.get(lines.size() - 1);
        StringBuilder content = new StringBuilder();
        for (JsonNode line : lines.subList(0, lines.size() - 1)) {
            assertFalse(line.get("done").asBoolean());
            assertEquals(MODEL, line.get("model").asText());
            assertEquals("assistant", line.at("/message/role").asText());
            OffsetDateTime.parse(line.get("created_at").asText());
            content.append(line.at("/message/content").asText());
        }
        assertEquals(expected, content.toString());
        assertTrue(last.get("done").asBoolean());
        assertEquals("", last.at("/message/content").asText());
        assertEquals("stop", last.get("done_reason").asText());
        assertEquals(lines.size() - 1, last.get("eval_count").asInt());
        assertTrue(last.get("prompt_eval_count").asInt() > 0);
    }

    @Test
    void streamsWhenTheStreamFieldIsAbsent() throws Exception {
        HttpResponse<String> response = client.ollamaChat(chatBody(MODEL, QUESTION, null));

        assertEquals("application/x-ndjson", response.headers().firstValue("Content-Type").orElse(""));
        List<JsonNode> lines = ndjson(response.body());
        assertEquals(17, lines.size());
        assertTrue(lines.get(16).get("done").asBoolean());
    }

    @Test
    void streamSendsHeadersBeforeTheFirstTokenIsDue() throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = client.ollamaChatStream(chatBody(MODEL, "Hi [[sim ttft=600]]", null));
        long headersMillis = (System.nanoTime() - start) / 1_000_000;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            JsonNode first = parse(reader.readLine());
            long firstTokenMillis = (System.nanoTime() - start) / 1_000_000;

            assertEquals(200, response.statusCode());
            assertTrue(headersMillis < 600, "headers took " + headersMillis + " ms");
            assertTrue(firstTokenMillis >= 600, "first token after " + firstTokenMillis + " ms");
            assertEquals("[simulated", first.at("/message/content").asText());
        }
    }

    @Test
    void nonStreamingWaitsForFirstTokenAndGeneration() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = client.ollamaChat(
                chatBody(MODEL, "Hi [[sim ttft=100 tps=100 tokens=10]]", fields().put("stream", false)));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(200, response.statusCode());
        assertEquals(10, parse(response.body()).get("eval_count").asInt());
        assertTrue(elapsedMillis >= 200, "answered after " + elapsedMillis + " ms");
    }

    @Test
    void numPredictCutsTheAnswerWithDoneReasonLength() throws Exception {
        HttpResponse<String> response = client.ollamaChat(chatBody(MODEL, QUESTION,
                fields().put("stream", false).set("options", fields().put("num_predict", 5).put("temperature", 0.2))));

        JsonNode body = parse(response.body());
        assertEquals("length", body.get("done_reason").asText());
        assertEquals(5, body.get("eval_count").asInt());
        assertEquals(5, body.at("/message/content").asText().split(" ").length);
    }

    @Test
    void unknownModelIsNotFound() throws Exception {
        HttpResponse<String> response = client.ollamaChat(chatBody("llama9", QUESTION, fields().put("stream", false)));

        assertEquals(404, response.statusCode());
        assertEquals("model \"llama9\" not found, try pulling it first", parse(response.body()).get("error").asText());
    }

    @Test
    void latestTagNamesTheSameModel() throws Exception {
        HttpResponse<String> response = client.ollamaChat(
                chatBody("sim-local:latest", QUESTION, fields().put("stream", false)));

        assertEquals(200, response.statusCode());
        assertEquals("sim-local:latest", parse(response.body()).get("model").asText());
    }

    @Test
    void badJsonIsABadRequest() throws Exception {
        HttpResponse<String> response = client.ollamaChat("{\"model\": ");

        assertEquals(400, response.statusCode());
        assertFalse(parse(response.body()).get("error").asText().isBlank());
    }

    @Test
    void emptyConversationLoadsTheModel() throws Exception {
        HttpResponse<String> response = client.ollamaChat("{\"model\":\"sim-local\",\"messages\":[]}");

        JsonNode body = parse(response.body());
        assertEquals(200, response.statusCode());
        assertEquals("load", body.get("done_reason").asText());
        assertTrue(body.get("done").asBoolean());
    }

    @Test
    void listsTagsRunningModelsAndVersion() throws Exception {
        JsonNode tags = parse(client.get("/api/tags", null).body());
        JsonNode ps = parse(client.get("/api/ps", null).body());
        JsonNode version = parse(client.get("/api/version", null).body());

        JsonNode model = tags.at("/models/0");
        assertEquals(1, tags.get("models").size());
        assertEquals("sim-local:latest", model.get("name").asText());
        assertEquals("sim-local:latest", model.get("model").asText());
        OffsetDateTime.parse(model.get("modified_at").asText());
        assertTrue(model.get("size").asLong() > 0);
        assertTrue(model.get("digest").asText().matches("[0-9a-f]{64}"));
        assertEquals("gguf", model.at("/details/format").asText());
        assertEquals("Q4_K_M", model.at("/details/quantization_level").asText());
        assertFalse(model.at("/details/family").asText().isEmpty());
        assertFalse(model.at("/details/parameter_size").asText().isEmpty());

        JsonNode running = ps.at("/models/0");
        assertEquals("sim-local:latest", running.get("name").asText());
        assertTrue(OffsetDateTime.parse(running.get("expires_at").asText()).isAfter(OffsetDateTime.now()));
        assertEquals(running.get("size").asLong(), running.get("size_vram").asLong());
        assertEquals("gguf", running.at("/details/format").asText());

        assertEquals("0.0.0-simulated", version.get("version").asText());
    }

    @Test
    void unknownRouteIsNotFound() throws Exception {
        assertEquals(404, client.get("/api/nope", null).statusCode());
        assertEquals(404, client.get("/api/chat", null).statusCode());
        assertEquals(200, client.get("/", null).statusCode());
    }
}
