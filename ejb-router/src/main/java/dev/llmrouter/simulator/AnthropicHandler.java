package dev.llmrouter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Anthropic's Messages API (/anthropic/v1/messages, /anthropic/v1/models), JSON and named server-sent events. It
 * enforces the rules a translating client can get wrong (x-api-key, anthropic-version, max_tokens, no system role
 * in messages, alternating turns) and names the conversation it received at the start of its answer, so that
 * tests behind a router can see how the conversation was mapped.
 */
final class AnthropicHandler extends ProtocolHandler {

    static final String PREFIX = "/anthropic";
    static final String MODEL = "sim-anthropic";

    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final SimulatorProfile defaults;
    private final CallCounter counter;
    private final Pacer pacer;

    AnthropicHandler(SimulatorProfile defaults, CallCounter counter, Pacer pacer) {
        this.defaults = defaults;
        this.counter = counter;
        this.pacer = pacer;
    }

    @Override
    String protocol() {
        return "Anthropic";
    }

    @Override
    JsonNode internalError() {
        return error("api_error", "simulated upstream internal error");
    }

    @Override
    void serve(HttpExchange exchange, String route) throws IOException {
        switch (route) {
            case "POST " + PREFIX + "/v1/messages" -> messages(exchange);
            case "GET " + PREFIX + "/v1/models" -> {
                if (authorized(exchange)) {
                    Replies.json(exchange, 200, models());
                }
            }
            default -> Replies.json(exchange, 404, error("not_found_error", "Not found"));
        }
    }

    private void messages(HttpExchange exchange) throws IOException {
        ChatCall call = ChatCall.receive(exchange, counter);
        if (!authorized(exchange)) {
            return;
        }
        if (exchange.getRequestHeaders().getFirst("anthropic-version") == null) {
            invalid(exchange, "anthropic-version: header is required");
            return;
        }
        if (call.body() == null) {
            invalid(exchange, "There was an issue with your request body: " + call.parseError());
            return;
        }
        boolean stream = call.body().path("stream").asBoolean(false);
        String broken = "{\"id\":\"" + messageId() + "\",\"type\":\"message\",\"content\":[{";
        if (call.answerFault(exchange, AnthropicHandler::statusError, stream ? "text/event-stream" : "application/json",
                stream ? "event: message_start\ndata: " + broken + "\n\n" : broken)) {
            return;
        }
        String problem = problem(call);
        if (problem != null) {
            invalid(exchange, problem);
            return;
        }
        JsonNode body = call.body();
        String model = call.model();
        Completion completion = Completion.plan(model, described(call.prompt(), body), call.directives(), defaults,
                ChatCall.positiveInt(body.get("max_tokens")));
        if (body.path("stream").asBoolean(false)) {
            stream(exchange, call, model, completion);
        } else if (pacer.until(completion.completeDeadline(call.startNanos()))) {
            Replies.json(exchange, 200, message(model, completion, List.of(textBlock(completion.text())),
                    stopReason(completion), completion.completionTokens()));
        }
    }

    /** What Anthropic would reject with a 400 before generating anything, or null. */
    private static String problem(ChatCall call) {
        JsonNode body = call.body();
        if (call.model().isEmpty()) {
            return "model: Field required";
        }
        if (ChatCall.positiveInt(body.get("max_tokens")) == null) {
            return "max_tokens: Field required";
        }
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            return "messages: at least one message is required";
        }
        String previous = null;
        for (int i = 0; i < messages.size(); i++) {
            String role = messages.get(i).path("role").asText();
            if (!"user".equals(role) && !"assistant".equals(role)) {
                return "messages." + i + ".role: Input should be 'user' or 'assistant'";
            }
            if (role.equals(previous)) {
                return "messages: roles must alternate between \"user\" and \"assistant\"";
            }
            previous = role;
        }
        return null;
    }

    /**
     * The prompt with a note on the conversation's shape before the question, so that the answer says whether a
     * system prompt arrived and which turns did. System text counts towards the prompt tokens, as Anthropic bills it.
     */
    private static Prompt described(Prompt prompt, JsonNode body) {
        String system = systemText(body.get("system"));
        List<String> roles = new ArrayList<>();
        body.get("messages").forEach(m -> roles.add(m.path("role").asText()));
        String note = (system.isEmpty() ? "(no system;" : "(system " + system.length() + " chars;")
                + " turns " + String.join(",", roles) + ")";
        int systemTokens = system.isEmpty() ? 0 : (system.length() + 3) / 4;
        return new Prompt(note + " " + prompt.lastUserMessage(), prompt.messageCount(), prompt.tokens() + systemTokens);
    }

    /** A system prompt is a string or an array of text blocks. */
    private static String systemText(JsonNode system) {
        if (system == null || system.isNull()) {
            return "";
        }
        if (system.isArray()) {
            StringBuilder text = new StringBuilder();
            system.forEach(block -> text.append(block.path("text").asText()));
            return text.toString();
        }
        return system.asText();
    }

    private void stream(HttpExchange exchange, ChatCall call, String model, Completion completion) throws IOException {
        OutputStream out = Replies.stream(exchange, "text/event-stream; charset=utf-8");
        int pieces = completion.completionTokens();
        int stallAt = ChatCall.cutPoint(call.directives().stallAfter(), pieces);
        int errorAt = ChatCall.cutPoint(call.directives().errorAfter(), pieces);
        for (int i = 0; i < pieces || i == stallAt || i == errorAt; i++) {
            int due = Math.max(0, Math.min(i, pieces - 1));
            if (!pacer.until(completion.tokenDeadline(call.startNanos(), due))) {
                return;
            }
            if (i == 0) {
                opening(out, model, completion);
            }
            if (i == stallAt) {
                pacer.stall();
                return;
            }
            if (i == errorAt) {
                event(out, "error", error("overloaded_error", "Overloaded"));
                return;
            }
            ObjectNode delta = Replies.JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "text_delta").put("text", completion.pieces().get(i));
            event(out, "content_block_delta", delta);
        }
        if (pieces == 0) {
            opening(out, model, completion);
        }
        ObjectNode blockStop = Replies.JSON.createObjectNode().put("type", "content_block_stop").put("index", 0);
        event(out, "content_block_stop", blockStop);
        ObjectNode end = Replies.JSON.createObjectNode().put("type", "message_delta");
        end.putObject("delta").put("stop_reason", stopReason(completion)).putNull("stop_sequence");
        end.putObject("usage").put("output_tokens", completion.completionTokens());
        event(out, "message_delta", end);
        event(out, "message_stop", Replies.JSON.createObjectNode().put("type", "message_stop"));
    }

    /** message_start (with the input tokens and a first output count of 1, as Anthropic sends), a block, a ping. */
    private static void opening(OutputStream out, String model, Completion completion) throws IOException {
        ObjectNode start = Replies.JSON.createObjectNode().put("type", "message_start");
        start.set("message", message(model, completion, List.of(), null, 1));
        event(out, "message_start", start);
        ObjectNode block = Replies.JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
        block.set("content_block", textBlock(""));
        event(out, "content_block_start", block);
        event(out, "ping", Replies.JSON.createObjectNode().put("type", "ping"));
    }

    private static ObjectNode message(String model, Completion completion, List<ObjectNode> content, String stopReason,
                                      int outputTokens) {
        ObjectNode message = Replies.JSON.createObjectNode();
        message.put("id", messageId());
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", model);
        message.putArray("content").addAll(content);
        message.put("stop_reason", stopReason);
        message.putNull("stop_sequence");
        message.putObject("usage")
                .put("input_tokens", completion.promptTokens())
                .put("output_tokens", outputTokens);
        return message;
    }

    private static ObjectNode textBlock(String text) {
        return Replies.JSON.createObjectNode().put("type", "text").put("text", text);
    }

    private static String stopReason(Completion completion) {
        return completion.truncated() ? "max_tokens" : "end_turn";
    }

    private boolean authorized(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("x-api-key");
        if (key != null && !key.isBlank()) {
            return true;
        }
        Replies.json(exchange, 401, error("authentication_error", "x-api-key header is required"));
        return false;
    }

    private static void invalid(HttpExchange exchange, String message) throws IOException {
        Replies.json(exchange, 400, error("invalid_request_error", message));
    }

    private static ObjectNode models() {
        ObjectNode list = Replies.JSON.createObjectNode();
        list.putArray("data").addObject()
                .put("type", "model")
                .put("id", MODEL)
                .put("display_name", "Simulated Anthropic model")
                .put("created_at", "2025-01-01T00:00:00Z");
        list.put("has_more", false);
        list.put("first_id", MODEL);
        list.put("last_id", MODEL);
        return list;
    }

    /** The error types follow what api.anthropic.com returns for each status, so clients map them alike. */
    private static ObjectNode statusError(int status) {
        String message = "simulated upstream error (HTTP " + status + ")";
        String type = switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
        return error(type, message);
    }

    static ObjectNode error(String type, String message) {
        ObjectNode error = Replies.JSON.createObjectNode().put("type", "error");
        error.putObject("error").put("type", type).put("message", message);
        return error;
    }

    private static void event(OutputStream out, String name, ObjectNode data) throws IOException {
        out.write(("event: " + name + "\ndata: ").getBytes(StandardCharsets.US_ASCII));
        out.write(Replies.JSON.writeValueAsBytes(data));
        out.write("\n\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String messageId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder("msg_sim_");
        for (int i = 0; i < 24; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
