package dev.llmrouter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes responses; every one carries an {@code X-Simulated} header so no log or proxy can mistake it for real. */
final class Replies {

    static final ObjectMapper JSON = new ObjectMapper();

    private Replies() {
    }

    static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        bytes(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    static void text(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        bytes(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends headers at once with chunked encoding; callers flush after each event. */
    static OutputStream stream(HttpExchange exchange, String contentType) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        label(exchange);
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    static void retryAfterIfThrottled(HttpExchange exchange, int status) {
        if (status == 429) {
            exchange.getResponseHeaders().set("Retry-After", "1");
        }
    }

    private static void bytes(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        label(exchange);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void label(HttpExchange exchange) {
        exchange.getResponseHeaders().set("X-Simulated", "true");
    }
}
