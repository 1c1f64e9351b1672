package dev.llmrouter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** OpenAI's Chat Completions API (/v1/chat/completions, /v1/models), JSON and server-sent events. */
final class OpenAiHandler extends ProtocolHandler {

    static final String MODEL = "sim-cloud";

    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+\\S.*");
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final SimulatorProfile defaults;
    private final CallCounter counter;
    private final Pacer pacer;

    OpenAiHandler(SimulatorProfile defaults, CallCounter counter, Pacer pacer) {
        this.defaults = defaults;
        this.counter = counter;
        this.pacer = pacer;
    }

    @Override
    String protocol() {
        return "OpenAI";
    }

    @Override
    JsonNode internalError() {
        return error("simulated upstream internal error", "server_error", null, null);
    }

    @Override
    void serve(HttpExchange exchange, String route) throws IOException {
        switch (route) {
            case "POST /v1/chat/completions" -> chat(exchange);
            case "GET /v1/models" -> {
                if (authorized(exchange)) {
                    Replies.json(exchange, 200, models());
                }
            }
            default -> Replies.json(exchange, 404,
                    error("Invalid URL (" + route + ")", "invalid_request_error", null, null));
        }
    }

    private void chat(HttpExchange exchange) throws IOException {
        ChatCall call = ChatCall.receive(exchange, counter);
        if (!authorized(exchange)) {
            return;
        }
        if (call.body() == null) {
            Replies.json(exchange, 400, error("We could not parse the JSON body of your request: "
                    + call.parseError(), "invalid_request_error", null, null));
            return;
        }
        boolean stream = call.body().path("stream").asBoolean(false);
        String broken = "{\"id\":\"" + completionId() + "\",\"object\":\"chat.completion\",\"choices\":[{";
        if (call.answerFault(exchange, OpenAiHandler::statusError, stream ? "text/event-stream" : "application/json",
                stream ? "data: " + broken + "\n\ndata: [DONE]\n\n" : broken)) {
            return;
        }
        String model = call.model();
        if (model.isEmpty()) {
            Replies.json(exchange, 400, error("you must provide a model parameter", "invalid_request_error", null, null));
            return;
        }
        if (call.prompt().messageCount() == 0) {
            Replies.json(exchange, 400, error("[] is too short - 'messages'", "invalid_request_error", "messages", null));
            return;
        }
        JsonNode body = call.body();
        JsonNode limit = body.hasNonNull("max_completion_tokens") ? body.get("max_completion_tokens") : body.get("max_tokens");
        Completion completion = Completion.plan(model, call.prompt(), call.directives(), defaults,
                ChatCall.positiveInt(limit));
        if (body.path("stream").asBoolean(false)) {
            stream(exchange, call, model, completion, body.path("stream_options").path("include_usage").asBoolean(false));
        } else if (pacer.until(completion.completeDeadline(call.startNanos()))) {
            Replies.json(exchange, 200, completionBody(model, completion));
        }
    }

    private void stream(HttpExchange exchange, ChatCall call, String model, Completion completion,
                        boolean includeUsage) throws IOException {
        OutputStream out = Replies.stream(exchange, "text/event-stream; charset=utf-8");
        Chunks chunks = new Chunks(completionId(), System.currentTimeMillis() / 1000, model, includeUsage);
        int pieces = completion.completionTokens();
        int stallAt = ChatCall.cutPoint(call.directives().stallAfter(), pieces);
        int errorAt = ChatCall.cutPoint(call.directives().errorAfter(), pieces);
        for (int i = 0; i < pieces || i == stallAt || i == errorAt; i++) {
            int due = Math.max(0, Math.min(i, pieces - 1));
            if (!pacer.until(completion.tokenDeadline(call.startNanos(), due))) {
                return;
            }
            if (i == 0) {
                ObjectNode role = Replies.JSON.createObjectNode().put("role", "assistant").put("content", "");
                event(out, chunks.delta(role, null));
            }
            if (i == stallAt) {
                pacer.stall();
                return;
            }
            if (i == errorAt) {
                event(out, error("simulated upstream error", "server_error", null, null));
                return;
            }
            event(out, chunks.delta(Replies.JSON.createObjectNode().put("content", completion.pieces().get(i)), null));
        }
        if (pieces == 0) {
            event(out, chunks.delta(Replies.JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
        }
        event(out, chunks.delta(Replies.JSON.createObjectNode(), finishReason(completion)));
        if (includeUsage) {
            event(out, chunks.usage(usage(completion)));
        }
        out.write(DONE);
        out.flush();
    }

    private ObjectNode completionBody(String model, Completion completion) {
        ObjectNode body = Replies.JSON.createObjectNode();
        body.put("id", completionId());
        body.put("object", "chat.completion");
        body.put("created", System.currentTimeMillis() / 1000);
        body.put("model", model);
        body.put("system_fingerprint", Chunks.FINGERPRINT);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", completion.text()).putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(completion));
        body.set("usage", usage(completion));
        return body;
    }

    private boolean authorized(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && BEARER.matcher(header.strip()).matches()) {
            return true;
        }
        Replies.json(exchange, 401, error("You didn't provide an API key. You need to provide your API key in an"
                + " Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
                "invalid_request_error", null, "invalid_api_key"));
        return false;
    }

    private static ObjectNode models() {
        ObjectNode list = Replies.JSON.createObjectNode().put("object", "list");
        list.putArray("data").addObject()
                .put("id", MODEL)
                .put("object", "model")
                .put("created", 1_700_000_000L)
                .put("owned_by", "simulated");
        return list;
    }

    private static ObjectNode usage(Completion completion) {
        return Replies.JSON.createObjectNode()
                .put("prompt_tokens", completion.promptTokens())
                .put("completion_tokens", completion.completionTokens())
                .put("total_tokens", completion.promptTokens() + completion.completionTokens());
    }

    private static String finishReason(Completion completion) {
        return completion.truncated() ? "length" : "stop";
    }

    /** The error types and codes follow what api.openai.com returns for each status, so clients map them alike. */
    private static ObjectNode statusError(int status) {
        String message = "simulated upstream error (HTTP " + status + ")";
        return switch (status) {
            case 401 -> error(message, "invalid_request_error", null, "invalid_api_key");
            case 404 -> error(message, "invalid_request_error", null, "model_not_found");
            case 429 -> error(message, "requests", null, "rate_limit_exceeded");
            default -> error(message, status >= 500 ? "server_error" : "invalid_request_error", null, null);
        };
    }

    static ObjectNode error(String message, String type, String param, String code) {
        ObjectNode error = Replies.JSON.createObjectNode();
        error.putObject("error")
                .put("message", message)
                .put("type", type)
                .put("param", param)
                .put("code", code);
        return error;
    }

    private static void event(OutputStream out, ObjectNode data) throws IOException {
        out.write("data: ".getBytes(StandardCharsets.US_ASCII));
        out.write(Replies.JSON.writeValueAsBytes(data));
        out.write("\n\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String completionId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder("chatcmpl-sim-");
        for (int i = 0; i < 24; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
