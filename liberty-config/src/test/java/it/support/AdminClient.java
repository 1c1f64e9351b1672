package it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * Real HTTP against the admin API, as one admin user with HTTP Basic (by default the bootstrap user
 * {@code admin}, whose password the build sets as router.admin-password). No cookies are kept, so
 * every request authenticates on its own.
 */
public final class AdminClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;

    /** The bootstrap admin on the first IT server. */
    public AdminClient() {
        this(System.getProperty("router.url", "http://localhost:19080"), "admin",
                System.getProperty("router.admin-password"));
    }

    public AdminClient(String baseUrl, String username, String password) {
        this.baseUrl = baseUrl;
        this.authorization = username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The same user on another router instance. */
    public AdminClient on(String otherBaseUrl) {
        return new AdminClient(otherBaseUrl, authorization);
    }

    private AdminClient(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, String json) {
        return post(path, json, "application/json");
    }

    /** A POST as curl -d sends it (application/x-www-form-urlencoded), or with any other content type. */
    public HttpResponse<String> post(String path, String body, String contentType) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)));
    }

    public HttpResponse<String> put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    /** A new admin user with {@code role}, created through the API by this client, with a random name. */
    public AdminClient createUser(String role) {
        String username = "it-" + role.replace("router-", "") + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "it-" + UUID.randomUUID();
        HttpResponse<String> created = post("/admin/api/users", RouterClient.JSON.createObjectNode()
                .put("username", username).put("password", password).put("role", role).toString());
        if (created.statusCode() != 201) {
            throw new AssertionError("could not create admin user: " + created.statusCode() + " " + created.body());
        }
        return new AdminClient(baseUrl, username, password);
    }

    public String username() {
        String decoded = new String(Base64.getDecoder().decode(authorization.substring("Basic ".length())),
                StandardCharsets.UTF_8);
        return decoded.substring(0, decoded.indexOf(':'));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
