package dev.llmrouter.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.IntFunction;

/**
 * An incoming chat request as both protocols see it before any protocol rule applies. It is counted as soon as it
 * arrives, so {@code calls(tag)} includes requests that are then rejected, exactly as an upstream's access log would.
 */
record ChatCall(JsonNode body, String parseError, Prompt prompt, Directives directives, long ordinal,
                long startNanos) {

    /** What a request's directives ask the server to do instead of answering normally. */
    enum Fault { NONE, RESET, STATUS, MALFORMED }

    static ChatCall receive(HttpExchange exchange, CallCounter counter) throws IOException {
        long start = System.nanoTime();
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        JsonNode body = null;
        String error = null;
        try {
            JsonNode parsed = Replies.JSON.readTree(raw);
            if (parsed != null && parsed.isObject()) {
                body = parsed;
            } else {
                error = "request body must be a JSON object";
            }
        } catch (JsonProcessingException e) {
            error = "invalid JSON: " + e.getOriginalMessage();
        }
        Prompt prompt = body == null ? Prompt.EMPTY : Prompt.of(body.get("messages"));
        Directives directives = Directives.parse(prompt.lastUserMessage());
        long ordinal = counter.record(directives.tag());
        return new ChatCall(body, error, prompt, directives, ordinal, start);
    }

    Fault fault() {
        if (directives.resetsCall(ordinal)) {
            return Fault.RESET;
        }
        if (directives.failsCall(ordinal)) {
            return Fault.STATUS;
        }
        return directives.malformed() ? Fault.MALFORMED : Fault.NONE;
    }

    /**
     * Answers the fault the directives ask for, in the protocol's own words; returns false when there is none
     * and the call should be answered normally.
     */
    boolean answerFault(HttpExchange exchange, IntFunction<JsonNode> statusError, String malformedType,
                        String malformedBody) throws IOException {
        switch (fault()) {
            case RESET -> {
                // Closing an exchange whose headers were never sent drops the TCP connection without a response.
                return true;
            }
            case STATUS -> {
                int status = directives.status();
                Replies.retryAfterIfThrottled(exchange, status);
                Replies.json(exchange, status, statusError.apply(status));
                return true;
            }
            case MALFORMED -> {
                Replies.text(exchange, 200, malformedType, malformedBody);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    String model() {
        JsonNode model = body.get("model");
        return model != null && model.isTextual() ? model.asText().strip() : "";
    }

    /** A positive integer field, or null when absent or not usable as a limit. */
    static Integer positiveInt(JsonNode node) {
        return node != null && node.canConvertToInt() && node.asInt() > 0 ? node.asInt() : null;
    }

    /**
     * Where a stream stops for a stall or error directive: after that many content chunks, capped at the answer
     * length so that a large value still holds back the final frame. -1 when the directive is absent.
     */
    static int cutPoint(Integer after, int pieces) {
        return after == null ? -1 : Math.min(after, pieces);
    }
}
