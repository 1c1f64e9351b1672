package dev.llmrouter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Ollama's native API (/api/chat, /api/tags, /api/ps, /api/version) as documented in ollama/docs/api.md. */
final class OllamaHandler extends ProtocolHandler {

    /** Ollama prints Go's RFC 3339 with nanoseconds; clients parse it as an OffsetDateTime. */
    private static final DateTimeFormatter RFC3339_NANOS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final long MODEL_SIZE_BYTES = 2_019_393_189L;
    private static final String STREAM_ERROR = "simulated upstream error";

    private final Set<String> models;
    private final SimulatorProfile defaults;
    private final CallCounter counter;
    private final Pacer pacer;
    private final Instant modifiedAt = Instant.now();
    private final Residency residency;

    OllamaHandler(Set<String> models, SimulatorProfile defaults, CallCounter counter, Pacer pacer) {
        Set<String> canonical = new LinkedHashSet<>();
        models.forEach(m -> canonical.add(canonical(m)));
        this.models = Set.copyOf(canonical);
        this.residency = new Residency(this.models);
        this.defaults = defaults;
        this.counter = counter;
        this.pacer = pacer;
    }

    @Override
    String protocol() {
        return "Ollama";
    }

    @Override
    JsonNode internalError() {
        return error("simulated upstream internal error");
    }

    @Override
    void serve(HttpExchange exchange, String route) throws IOException {
        switch (route) {
            case "POST /api/chat" -> chat(exchange);
            case "GET /api/tags" -> Replies.json(exchange, 200, modelList(false));
            case "GET /api/ps" -> Replies.json(exchange, 200, running());
            case "GET /api/version" -> Replies.json(exchange, 200,
                    Replies.JSON.createObjectNode().put("version", "0.0.0-simulated"));
            case "GET /" -> Replies.text(exchange, 200, "text/plain; charset=utf-8",
                    "Ollama is running (simulated)");
            default -> Replies.text(exchange, 404, "text/plain", "404 page not found");
        }
    }

    private void chat(HttpExchange exchange) throws IOException {
        ChatCall call = ChatCall.receive(exchange, counter);
        if (call.body() == null) {
            Replies.json(exchange, 400, error(call.parseError()));
            return;
        }
        boolean stream = streamRequested(call.body());
        if (call.answerFault(exchange, status -> error("simulated upstream error (HTTP " + status + ")"),
                stream ? "application/x-ndjson" : "application/json; charset=utf-8",
                "{\"model\":\"" + call.model() + "\",\"message\":{\"role\":\"assistant\",\"content\":\n")) {
            return;
        }
        String model = call.model();
        if (model.isEmpty()) {
            Replies.json(exchange, 400, error("model is required"));
            return;
        }
        if (!models.contains(canonical(model))) {
            Replies.json(exchange, 404, error("model \"" + model + "\" not found, try pulling it first"));
            return;
        }
        JsonNode messages = call.body().get("messages");
        if (messages != null && !messages.isNull() && !messages.isArray()) {
            Replies.json(exchange, 400, error("messages must be an array"));
            return;
        }
        String canonical = canonical(model);
        Duration keepAlive = Residency.keepAlive(call.body().get("keep_alive"));
        if (call.prompt().messageCount() == 0 && keepAlive != null && keepAlive.isZero()) {
            // An empty chat with keep_alive 0 is how clients ask Ollama to unload a model.
            residency.used(canonical, keepAlive);
            Replies.json(exchange, 200, frame(model, "", true).put("done_reason", "unload"));
            return;
        }
        long loadNanos = 0;
        if (!residency.loaded(canonical)) {
            long loadStart = System.nanoTime();
            if (!pacer.until(loadStart + Residency.COLD_LOAD.toNanos())) {
                return;
            }
            loadNanos = System.nanoTime() - loadStart;
        }
        if (call.prompt().messageCount() == 0) {
            // An empty chat is how clients ask Ollama to load a model; it answers with done_reason "load".
            residency.used(canonical, keepAlive);
            ObjectNode loaded = frame(model, "", true).put("done_reason", "load");
            Replies.json(exchange, 200, loaded);
            return;
        }
        // Generation starts once the weights are in memory: a cold load delays every token.
        long start = call.startNanos() + loadNanos;
        Integer numPredict = ChatCall.positiveInt(call.body().path("options").get("num_predict"));
        Completion completion = Completion.plan(model, call.prompt(), call.directives(), defaults, numPredict);
        if (streamRequested(call.body())) {
            stream(exchange, call, start, loadNanos, model, completion);
        } else if (pacer.until(completion.completeDeadline(start))) {
            ObjectNode answer = frame(model, completion.text(), true);
            Replies.json(exchange, 200, withStats(answer, completion, call.startNanos(), loadNanos));
        }
        residency.used(canonical, keepAlive);
    }

    private void stream(HttpExchange exchange, ChatCall call, long start, long loadNanos, String model,
                        Completion completion) throws IOException {
        OutputStream out = Replies.stream(exchange, "application/x-ndjson");
        int pieces = completion.completionTokens();
        int stallAt = ChatCall.cutPoint(call.directives().stallAfter(), pieces);
        int errorAt = ChatCall.cutPoint(call.directives().errorAfter(), pieces);
        for (int i = 0; i < pieces || i == stallAt || i == errorAt; i++) {
            int due = Math.max(0, Math.min(i, pieces - 1));
            if (!pacer.until(completion.tokenDeadline(start, due))) {
                return;
            }
            if (i == stallAt) {
                pacer.stall();
                return;
            }
            if (i == errorAt) {
                writeLine(out, error(STREAM_ERROR));
                return;
            }
            writeLine(out, frame(model, completion.pieces().get(i), false));
        }
        writeLine(out, withStats(frame(model, "", true), completion, call.startNanos(), loadNanos));
    }

    private static boolean streamRequested(JsonNode body) {
        JsonNode stream = body.get("stream");
        return stream == null || stream.isNull() || stream.asBoolean(true);
    }

    private static ObjectNode frame(String model, String content, boolean done) {
        ObjectNode frame = Replies.JSON.createObjectNode();
        frame.put("model", model);
        frame.put("created_at", RFC3339_NANOS.format(Instant.now()));
        frame.putObject("message").put("role", "assistant").put("content", content);
        frame.put("done", done);
        return frame;
    }

    private static ObjectNode withStats(ObjectNode frame, Completion completion, long startNanos, long loadNanos) {
        long total = System.nanoTime() - startNanos;
        long promptEval = Math.min(total - loadNanos, completion.profile().ttftMillis() * 1_000_000L);
        frame.put("done_reason", completion.truncated() ? "length" : "stop");
        frame.put("total_duration", total);
        frame.put("load_duration", loadNanos);
        frame.put("prompt_eval_count", completion.promptTokens());
        frame.put("prompt_eval_duration", promptEval);
        frame.put("eval_count", completion.completionTokens());
        frame.put("eval_duration", total - loadNanos - promptEval);
        return frame;
    }

    /** /api/ps: only the loaded models, each with its expiry, as Ollama lists them. */
    private ObjectNode running() {
        ObjectNode list = Replies.JSON.createObjectNode();
        ArrayNode entries = list.putArray("models");
        residency.loaded().forEach((name, expiresAt) -> {
            ObjectNode entry = describe(entries.addObject(), name, true);
            entry.put("expires_at", RFC3339_NANOS.format(expiresAt));
            entry.put("size_vram", MODEL_SIZE_BYTES);
        });
        return list;
    }

    private ObjectNode modelList(boolean running) {
        ObjectNode list = Replies.JSON.createObjectNode();
        ArrayNode entries = list.putArray("models");
        for (String name : models) {
            describe(entries.addObject(), name, running);
        }
        return list;
    }

    private ObjectNode describe(ObjectNode entry, String name, boolean running) {
        entry.put("name", name);
        entry.put("model", name);
        if (!running) {
            entry.put("modified_at", RFC3339_NANOS.format(modifiedAt));
        }
        entry.put("size", MODEL_SIZE_BYTES);
        entry.put("digest", digest(name));
        ObjectNode details = entry.putObject("details");
        details.put("parent_model", "");
        details.put("format", "gguf");
        details.put("family", "simulated");
        details.putArray("families").add("simulated");
        details.put("parameter_size", "3.2B");
        details.put("quantization_level", "Q4_K_M");
        return entry;
    }

    private static void writeLine(OutputStream out, ObjectNode line) throws IOException {
        out.write(Replies.JSON.writeValueAsBytes(line));
        out.write('\n');
        out.flush();
    }

    private static ObjectNode error(String message) {
        return Replies.JSON.createObjectNode().put("error", message);
    }

    /** Ollama resolves a bare name to its ":latest" tag. */
    private static String canonical(String model) {
        return model.contains(":") ? model : model + ":latest";
    }

    private static String digest(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
