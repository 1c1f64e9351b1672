package it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Real HTTP against the started server, configured by the build (router.url, router.api-key). */
public final class RouterClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String apiKey = System.getProperty("router.api-key");

    /** The first IT server (router.url). */
    public RouterClient() {
        this(System.getProperty("router.url", "http://localhost:19080"));
    }

    /** Another router instance, such as the second IT server (router.url2). */
    public RouterClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String apiKey() {
        return apiKey;
    }

    public HttpResponse<String> get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.GET().build());
    }

    /** POST with the configured key. */
    public HttpResponse<String> post(String path, String body, String requestId) {
        return postJson(path, body, apiKey, requestId);
    }

    /** POST with the given key, or none. */
    public HttpResponse<String> postTo(String path, String body, String bearer) {
        return postJson(path, body, bearer, null);
    }

    public HttpResponse<String> delete(String path, String bearer) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer).DELETE().build());
    }

    public HttpResponse<String> postChat(String body) {
        return postChat(body, apiKey, null);
    }

    public HttpResponse<String> postChat(String body, String bearer, String requestId) {
        return postJson("/v1/chat/completions", body, bearer, requestId);
    }

    private HttpResponse<String> postJson(String path, String body, String bearer, String requestId) {
        return postWithHeaders(path, body, bearer, requestId, java.util.Map.of());
    }

    /** POST a chat completion with the given key and extra headers. */
    public HttpResponse<String> postChatWithHeaders(String body, String bearer, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearer);
        headers.forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** POST to any path with the given key (or none), request id (or none) and extra headers. */
    public HttpResponse<String> postWithHeaders(String path, String body, String bearer, String requestId,
                                                java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (requestId != null) {
            request.header("x-request-id", requestId);
        }
        headers.forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> postChatWithHeader(String body, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** The {@code data:} payloads of an SSE body, in order. */
    public static List<String> sseData(String body) {
        List<String> data = new ArrayList<>();
        for (String event : body.split("\n\n")) {
            for (String line : event.split("\n")) {
                if (line.startsWith("data: ")) {
                    data.add(line.substring("data: ".length()));
                }
            }
        }
        return data;
    }

    public static String chatBody(String model, String userMessage, boolean stream, boolean includeUsage) {
        var root = JSON.createObjectNode().put("model", model);
        root.putArray("messages").addObject().put("role", "user").put("content", userMessage);
        if (stream) {
            root.put("stream", true);
            if (includeUsage) {
                root.putObject("stream_options").put("include_usage", true);
            }
        }
        return root.toString();
    }
}
