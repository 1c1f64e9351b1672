package dev.llmrouter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A plain JDK HTTP client for the simulator, so tests see exactly what goes over the wire. */
final class UpstreamClient {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final SimulatedUpstream upstream;

    UpstreamClient(SimulatedUpstream upstream) {
        this.upstream = upstream;
    }

    HttpResponse<String> ollamaChat(String body) throws IOException, InterruptedException {
        return http.send(post(upstream.ollamaBaseUri().resolve("/api/chat"), body, null),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> openAiChat(String body) throws IOException, InterruptedException {
        return openAiChat(body, "Bearer sim-key");
    }

    HttpResponse<String> openAiChat(String body, String authorization) throws IOException, InterruptedException {
        return http.send(post(URI.create(upstream.openAiBaseUri() + "/chat/completions"), body, authorization),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A Messages call; a null key or version leaves that header out. */
    HttpResponse<String> anthropicMessages(String body, String apiKey, String version)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream.anthropicBaseUri() + "/v1/messages"))
                .timeout(TIMEOUT)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("x-api-key", apiKey);
        }
        if (version != null) {
            request.header("anthropic-version", version);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> anthropicModels(String apiKey) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(upstream.anthropicBaseUri() + "/v1/models"))
                .timeout(TIMEOUT).header("x-api-key", apiKey).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<InputStream> ollamaChatStream(String body) throws IOException, InterruptedException {
        return http.send(post(upstream.ollamaBaseUri().resolve("/api/chat"), body, null),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(upstream.ollamaBaseUri().resolve(path)).timeout(TIMEOUT);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest post(URI uri, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    /** A chat request body with one user message; {@code extra} fields are merged in. */
    static String chatBody(String model, String userMessage, ObjectNode extra) {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", userMessage);
        if (extra != null) {
            body.setAll(extra);
        }
        return body.toString();
    }

    static ObjectNode fields() {
        return JSON.createObjectNode();
    }

    static JsonNode parse(String json) throws IOException {
        return JSON.readTree(json);
    }

    static List<JsonNode> ndjson(String body) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    /** The data payloads of a server-sent event stream, in order, including the literal "[DONE]". */
    static List<String> sseData(String body) {
        List<String> data = new ArrayList<>();
        for (String event : body.split("\n\n")) {
            if (!event.isBlank()) {
                if (!event.startsWith("data: ")) {
                    throw new AssertionError("not an SSE data event: " + event);
                }
                data.add(event.substring("data: ".length()));
            }
        }
        return data;
    }
}
