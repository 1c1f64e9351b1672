package dev.llmrouter.simulator;

import static dev.llmrouter.simulator.UpstreamClient.chatBody;
import static dev.llmrouter.simulator.UpstreamClient.fields;
import static dev.llmrouter.simulator.UpstreamClient.parse;
import static dev.llmrouter.simulator.UpstreamClient.sseData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenAiProtocolTest {

    private static final String MODEL = "gpt-4o-mini";
    private static final String QUESTION = "Summarise the plot of Hamlet in one line.";

    private static SimulatedUpstream upstream;
    private static UpstreamClient client;

    @BeforeAll
    static void start() {
        upstream = SimulatedUpstream.start("127.0.0.1", 0, new SimulatorProfile(0, 5000, 16),
                new SimulatorProfile(0, 5000, 12));
        client = new UpstreamClient(upstream);
    }

    @AfterAll
    static void stop() {
        upstream.close();
    }

    @Test
    void nonStreamingAnswerHasChatCompletionShape() throws Exception {
        HttpResponse<String> response = client.openAiChat(chatBody(MODEL, QUESTION, null));

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = parse(response.body());
        assertTrue(body.get("id").asText().startsWith("chatcmpl-sim-"));
        assertEquals("chat.completion", body.get("object").asText());
        assertTrue(Math.abs(body.get("created").asLong() - System.currentTimeMillis() / 1000) < 60);
        assertEquals(MODEL, body.get("model").asText());
        assertEquals("fp_simulated", body.get("system_fingerprint").asText());
        JsonNode choice = body.at("/choices/0");
        assertEquals(1, body.get("choices").size());
        assertEquals(0, choice.get("index").asInt());
        assertEquals("assistant", choice.at("/message/role").asText());
        assertTrue(choice.at("/message/content").asText().startsWith("[simulated gpt-4o-mini] "));
        assertTrue(choice.at("/message/refusal").isNull());
        assertTrue(choice.get("logprobs").isNull());
        assertEquals("stop", choice.get("finish_reason").asText());
        int promptTokens = (int) Math.ceil(QUESTION.length() / 4.0) + 3;
        assertEquals(promptTokens, body.at("/usage/prompt_tokens").asInt());
        assertEquals(12, body.at("/usage/completion_tokens").asInt());
        assertEquals(promptTokens + 12, body.at("/usage/total_tokens").asInt());
    }

    @Test
    void streamWithoutUsageEndsWithFinishReasonAndDone() throws Exception {
        String expected = parse(client.openAiChat(chatBody(MODEL, QUESTION, null)).body())
                .at("/choices/0/message/content").asText();

        HttpResponse<String> response = client.openAiChat(chatBody(MODEL, QUESTION, fields().put("stream", true)));

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        assertTrue(response.body().endsWith("\n\ndata: [DONE]\n\n"));
        List<String> data = sseData(response.body());
        assertEquals("[DONE]", data.get(data.size() - 1));
        List<JsonNode> chunks = chunks(data);
        JsonNode first = chunks.get(0);
        JsonNode last = chunks.get(chunks.size() - 1);
        assertEquals("assistant", first.at("/choices/0/delta/role").asText());
        assertEquals("", first.at("/choices/0/delta/content").asText());
        assertEquals(expected, contentOf(chunks.subList(1, chunks.size() - 1)));
        assertEquals(0, last.at("/choices/0/delta").size());
        assertEquals("stop", last.at("/choices/0/finish_reason").asText());
        for (JsonNode chunk : chunks) {
            assertEquals("chat.completion.chunk", chunk.get("object").asText());
            assertEquals(first.get("id").asText(), chunk.get("id").asText());
            assertEquals(MODEL, chunk.get("model").asText());
            assertFalse(chunk.has("usage"), chunk.toString());
        }
        assertTrue(chunks.subList(0, chunks.size() - 1).stream()
                .allMatch(c -> c.at("/choices/0/finish_reason").isNull()));
    }

    @Test
    void streamWithIncludeUsageEndsWithAUsageChunk() throws Exception {
        HttpResponse<String> response = client.openAiChat(chatBody(MODEL, QUESTION,
                fields().put("stream", true).set("stream_options", fields().put("include_usage", true))));

        List<String> data = sseData(response.body());
        assertEquals("[DONE]", data.get(data.size() - 1));
        List<JsonNode> chunks = chunks(data);
        JsonNode usageChunk = chunks.get(chunks.size() - 1);
        List<JsonNode> earlier = chunks.subList(0, chunks.size() - 1);
        assertEquals(0, usageChunk.get("choices").size());
        assertTrue(earlier.stream().allMatch(c -> c.has("usage") && c.get("usage").isNull()));
        assertEquals("stop", earlier.get(earlier.size() - 1).at("/choices/0/finish_reason").asText());
        int contentChunks = earlier.size() - 2;
        assertEquals(contentChunks, usageChunk.at("/usage/completion_tokens").asInt());
        assertEquals(12, contentChunks);
        assertEquals(usageChunk.at("/usage/prompt_tokens").asInt() + contentChunks,
                usageChunk.at("/usage/total_tokens").asInt());
    }

    @Test
    void missingBearerTokenIsUnauthorized() throws Exception {
        for (String authorization : new String[] {null, "Bearer ", "Basic abc"}) {
            HttpResponse<String> response = client.openAiChat(chatBody(MODEL, QUESTION, null), authorization);

            assertEquals(401, response.statusCode(), String.valueOf(authorization));
            JsonNode error = parse(response.body()).get("error");
            assertEquals("invalid_request_error", error.get("type").asText());
            assertEquals("invalid_api_key", error.get("code").asText());
            assertTrue(error.has("param") && error.get("param").isNull());
            assertFalse(error.get("message").asText().isBlank());
        }
    }

    @Test
    void maxTokensCutsTheAnswerWithFinishReasonLength() throws Exception {
        JsonNode legacy = parse(client.openAiChat(chatBody(MODEL, QUESTION, fields().put("max_tokens", 3))).body());
        JsonNode current = parse(client.openAiChat(chatBody(MODEL, QUESTION,
                fields().put("max_tokens", 3).put("max_completion_tokens", 5))).body());

        assertEquals("length", legacy.at("/choices/0/finish_reason").asText());
        assertEquals(3, legacy.at("/usage/completion_tokens").asInt());
        assertEquals("[simulated gpt-4o-mini] Here", legacy.at("/choices/0/message/content").asText());
        assertEquals(5, current.at("/usage/completion_tokens").asInt());
    }

    @Test
    void streamCutByMaxTokensReportsLength() throws Exception {
        List<JsonNode> chunks = chunks(sseData(client.openAiChat(chatBody(MODEL, QUESTION,
                fields().put("stream", true).put("max_tokens", 4))).body()));

        assertEquals(1 + 4 + 1, chunks.size());
        assertEquals("length", chunks.get(chunks.size() - 1).at("/choices/0/finish_reason").asText());
    }

    @Test
    void invalidRequestsUseTheOpenAiErrorBody() throws Exception {
        HttpResponse<String> badJson = client.openAiChat("{oops");
        HttpResponse<String> noMessages = client.openAiChat("{\"model\":\"x\",\"messages\":[]}");

        assertEquals(400, badJson.statusCode());
        assertEquals("invalid_request_error", parse(badJson.body()).at("/error/type").asText());
        assertEquals(400, noMessages.statusCode());
        assertEquals("messages", parse(noMessages.body()).at("/error/param").asText());
    }

    @Test
    void listsModels() throws Exception {
        HttpResponse<String> response = client.get("/v1/models", "Bearer k");

        JsonNode body = parse(response.body());
        assertEquals(200, response.statusCode());
        assertEquals("list", body.get("object").asText());
        assertEquals("model", body.at("/data/0/object").asText());
        assertEquals("simulated", body.at("/data/0/owned_by").asText());
        assertFalse(body.at("/data/0/id").asText().isEmpty());
        assertTrue(body.at("/data/0/created").isIntegralNumber());
        assertEquals(401, client.get("/v1/models", null).statusCode());
    }

    private static List<JsonNode> chunks(List<String> data) throws Exception {
        List<JsonNode> chunks = new ArrayList<>();
        for (String payload : data.subList(0, data.size() - 1)) {
            chunks.add(parse(payload));
        }
        return chunks;
    }

    private static String contentOf(List<JsonNode> chunks) {
        StringBuilder content = new StringBuilder();
        chunks.forEach(c -> content.append(c.at("/choices/0/delta/content").asText()));
        return content.toString();
    }
}
