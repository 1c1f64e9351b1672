package dev.llmrouter.simulator;

import static dev.llmrouter.simulator.UpstreamClient.JSON;
import static dev.llmrouter.simulator.UpstreamClient.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AnthropicProtocolTest {

    private static final String MODEL = "claude-3-5-haiku-latest";
    private static final String QUESTION = "Summarise the plot of Hamlet in one line.";
    private static final String KEY = "sk-ant-sim";
    private static final String VERSION = "2023-06-01";

    private static SimulatedUpstream upstream;
    private static UpstreamClient client;

    @BeforeAll
    static void start() {
        upstream = SimulatedUpstream.start("127.0.0.1", 0, new SimulatorProfile(0, 5000, 16),
                new SimulatorProfile(0, 5000, 14));
        client = new UpstreamClient(upstream);
    }

    @AfterAll
    static void stop() {
        upstream.close();
    }

    private static ObjectNode body(String question) {
        ObjectNode body = JSON.createObjectNode().put("model", MODEL).put("max_tokens", 1024);
        body.putArray("messages").addObject().put("role", "user").put("content", question);
        return body;
    }

    private static HttpResponse<String> send(ObjectNode body) throws Exception {
        return client.anthropicMessages(body.toString(), KEY, VERSION);
    }

    @Test
    void nonStreamingAnswerHasMessageShape() throws Exception {
        HttpResponse<String> response = send(body(QUESTION));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("true", response.headers().firstValue("X-Simulated").orElse(""));
        JsonNode message = parse(response.body());
        assertTrue(message.get("id").asText().startsWith("msg_sim_"));
        assertEquals("message", message.get("type").asText());
        assertEquals("assistant", message.get("role").asText());
        assertEquals(MODEL, message.get("model").asText());
        assertEquals(1, message.get("content").size());
        assertEquals("text", message.at("/content/0/type").asText());
        assertTrue(message.at("/content/0/text").asText()
                .startsWith("[simulated " + MODEL + "] Here is a simulated answer to: (no system; turns user) "),
                message.toString());
        assertEquals("end_turn", message.get("stop_reason").asText());
        assertTrue(message.get("stop_sequence").isNull());
        assertEquals((int) Math.ceil(QUESTION.length() / 4.0) + 3, message.at("/usage/input_tokens").asInt());
        assertEquals(14, message.at("/usage/output_tokens").asInt());
    }

    @Test
    void systemPromptAndTurnsAreNamedInTheAnswerAndBilled() throws Exception {
        ObjectNode body = body("first");
        body.put("system", "Be terse.");
        ArrayNode messages = (ArrayNode) body.get("messages");
        messages.addObject().put("role", "assistant").put("content", "ok");
        messages.addObject().put("role", "user").putArray("content")
                .addObject().put("type", "text").put("text", QUESTION);

        JsonNode message = parse(send(body).body());

        assertTrue(message.at("/content/0/text").asText()
                .contains("to: (system 9 chars; turns user,assistant,user) Summarise"), message.toString());
        int expected = (int) Math.ceil(("first" + "ok" + QUESTION).length() / 4.0) + 3 * 3 + 3;
        assertEquals(expected, message.at("/usage/input_tokens").asInt());
    }

    @Test
    void maxTokensCutsTheAnswerWithStopReasonMaxTokens() throws Exception {
        JsonNode message = parse(send(body(QUESTION).put("max_tokens", 3)).body());

        assertEquals("max_tokens", message.get("stop_reason").asText());
        assertEquals(3, message.at("/usage/output_tokens").asInt());
        assertEquals("[simulated " + MODEL + "] Here", message.at("/content/0/text").asText());
    }

    @Test
    void streamSendsNamedEventsInAnthropicsOrder() throws Exception {
        String expected = parse(send(body(QUESTION)).body()).at("/content/0/text").asText();

        HttpResponse<String> response = send(body(QUESTION).put("stream", true));

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<Event> events = events(response.body());
        List<String> names = events.stream().map(Event::name).toList();
        assertEquals(List.of("message_start", "content_block_start", "ping"), names.subList(0, 3));
        assertEquals(List.of("content_block_stop", "message_delta", "message_stop"),
                names.subList(names.size() - 3, names.size()));
        List<Event> deltas = events.subList(3, events.size() - 3);
        assertEquals(14, deltas.size());
        StringBuilder text = new StringBuilder();
        for (Event delta : deltas) {
            assertEquals("content_block_delta", delta.name());
            assertEquals("text_delta", delta.data().at("/delta/type").asText());
            text.append(delta.data().at("/delta/text").asText());
        }
        assertEquals(expected, text.toString());
        for (Event event : events) {
            assertEquals(event.name(), event.data().get("type").asText(), "data.type repeats the event name");
        }
        JsonNode start = events.get(0).data().get("message");
        assertEquals(0, start.get("content").size());
        assertTrue(start.get("stop_reason").isNull());
        assertEquals((int) Math.ceil(QUESTION.length() / 4.0) + 3, start.at("/usage/input_tokens").asInt());
        assertEquals("", events.get(1).data().at("/content_block/text").asText());
        JsonNode end = events.get(events.size() - 2).data();
        assertEquals("end_turn", end.at("/delta/stop_reason").asText());
        assertEquals(14, end.at("/usage/output_tokens").asInt());
    }

    @Test
    void errorAfterEndsTheStreamWithAnOverloadedErrorEvent() throws Exception {
        List<Event> events = events(send(body(QUESTION + " [[sim error_after=2]]").put("stream", true)).body());

        Event last = events.get(events.size() - 1);
        assertEquals("error", last.name());
        assertEquals("error", last.data().get("type").asText());
        assertEquals("overloaded_error", last.data().at("/error/type").asText());
        assertEquals(2, events.stream().filter(e -> e.name().equals("content_block_delta")).count());
        assertFalse(events.stream().anyMatch(e -> e.name().equals("message_stop")));
    }

    @Test
    void statusDirectiveAnswersWithAnthropicsErrorBody() throws Exception {
        HttpResponse<String> overloaded = send(body("hi [[sim status=529]]"));
        HttpResponse<String> throttled = send(body("hi [[sim status=429]]"));

        assertEquals(529, overloaded.statusCode());
        assertEquals("error", parse(overloaded.body()).get("type").asText());
        assertEquals("overloaded_error", parse(overloaded.body()).at("/error/type").asText());
        assertEquals(429, throttled.statusCode());
        assertEquals("rate_limit_error", parse(throttled.body()).at("/error/type").asText());
        assertEquals("1", throttled.headers().firstValue("retry-after").orElse(""));
    }

    @Test
    void missingApiKeyIsAnAuthenticationError() throws Exception {
        for (String key : new String[] {null, " "}) {
            HttpResponse<String> response = client.anthropicMessages(body(QUESTION).toString(), key, VERSION);

            assertEquals(401, response.statusCode());
            JsonNode error = parse(response.body());
            assertEquals("error", error.get("type").asText());
            assertEquals("authentication_error", error.at("/error/type").asText());
            assertFalse(error.at("/error/message").asText().isBlank());
        }
    }

    @Test
    void rejectsWhatAnthropicRejects() throws Exception {
        ObjectNode noMaxTokens = body(QUESTION);
        noMaxTokens.remove("max_tokens");
        ObjectNode systemRole = body(QUESTION);
        ((ArrayNode) systemRole.get("messages")).insertObject(0).put("role", "system").put("content", "x");
        ObjectNode twoUsers = body(QUESTION);
        ((ArrayNode) twoUsers.get("messages")).addObject().put("role", "user").put("content", "again");

        assertInvalid(client.anthropicMessages(body(QUESTION).toString(), KEY, null), "anthropic-version");
        assertInvalid(send(noMaxTokens), "max_tokens");
        assertInvalid(send(systemRole), "role");
        assertInvalid(send(twoUsers), "alternate");
        assertInvalid(client.anthropicMessages("{oops", KEY, VERSION), "body");
    }

    @Test
    void listsModelsWithTheKey() throws Exception {
        HttpResponse<String> response = client.get("/anthropic/v1/models", null);
        assertEquals(401, response.statusCode());

        JsonNode models = parse(client.anthropicModels(KEY).body());
        assertEquals("model", models.at("/data/0/type").asText());
        assertEquals(AnthropicHandler.MODEL, models.at("/data/0/id").asText());
        assertFalse(models.get("has_more").asBoolean());
    }

    @Test
    void callsAreCountedByTag() throws Exception {
        send(body("hi [[sim tag=anthropic-count status=500]]"));
        send(body("hi [[sim tag=anthropic-count]]"));

        assertEquals(2, upstream.calls("anthropic-count"));
    }

    private static void assertInvalid(HttpResponse<String> response, String mentioned) throws Exception {
        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = parse(response.body());
        assertEquals("invalid_request_error", error.at("/error/type").asText());
        assertTrue(error.at("/error/message").asText().contains(mentioned), response.body());
    }

    private record Event(String name, JsonNode data) {
    }

    private static List<Event> events(String body) throws Exception {
        List<Event> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            if (block.isBlank()) {
                continue;
            }
            String[] lines = block.split("\n");
            if (lines.length != 2 || !lines[0].startsWith("event: ") || !lines[1].startsWith("data: ")) {
                throw new AssertionError("not a named SSE event: " + block);
            }
            events.add(new Event(lines[0].substring("event: ".length()), parse(lines[1].substring("data: ".length()))));
        }
        return events;
    }
}
