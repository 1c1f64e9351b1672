package it.admin;

import static it.admin.TenantLifecycleIT.unique;
import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.support.RouterClient;
import it.support.Tenants;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whatever arrives in the Authorization header of /v1, a request without a valid key gets a 401 with
 * an OpenAI error body: never a 5xx, never an answer. The bytes go over a raw socket, so that the
 * client library cannot clean up NUL bytes and control characters first.
 */
class KeyFuzzIT {

    private static final String BODY = "{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private final URI router = URI.create(System.getProperty("router.url", "http://localhost:19080"));

    /** Status line and body of one raw HTTP/1.1 exchange. */
    private record Raw(int status, String body) {
    }

    private Raw send(byte[] authorizationLine) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        request.writeBytes(("POST /v1/chat/completions HTTP/1.1\r\nHost: " + router.getHost() + ":" + router.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
        if (authorizationLine != null) {
            request.writeBytes(authorizationLine);
            request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        try (Socket socket = new Socket(router.getHost(), router.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyStart = response.indexOf("\r\n\r\n");
            String head = response.substring(0, bodyStart).toLowerCase();
            String rawBody = response.substring(bodyStart + 4);
            if (head.contains("transfer-encoding: chunked")) {
                rawBody = unchunk(rawBody);
            }
            return new Raw(status, rawBody);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private Raw bearer(String key) throws IOException {
        return send(("Authorization: Bearer " + key).getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void assertRefused(String what, Raw response) {
        assertEquals(401, response.status(), what + ": " + response.body());
        JsonNode error = json(response.body()).get("error");
        assertNotNull(error, what + ": " + response.body());
        assertEquals("authentication_error", error.get("type").asText(), what);
        assertTrue(error.has("message") && error.has("param") && error.has("code"), what);
    }

    private static byte[] storedHash(String keyId) {
        try (Connection c = DriverManager.getConnection(System.getProperty("db.url"), System.getProperty("db.user"),
                System.getProperty("db.password", ""));
             PreparedStatement ps = c.prepareStatement("select secret_hash from api_keys where key_id = ?")) {
            ps.setString(1, keyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void malformedAndForgedKeysAreAlways401() throws IOException {
        Tenants.Created victim = Tenants.create(unique("it-fuzz"));
        String id = victim.keyId();
        String secret = victim.key().substring(victim.key().lastIndexOf('_') + 1);
        byte[] hash = storedHash(id);
        assertEquals(200, bearer(victim.key()).status(), "the real key must work, or nothing below means anything");

        List<String> keys = new ArrayList<>(List.of(
                "' OR '1'='1",
                "llmr_" + id + "_' OR '1'='1' --",
                "llmr_" + id + "'; drop table api_keys; --_" + secret,
                "llmr_%' OR key_id LIKE '%_" + secret,
                "llmr_" + id + "_" + secret.substring(0, 42) + (secret.charAt(42) == 'A' ? 'B' : 'A'),
                "llmr_" + id + "_" + "A".repeat(43),
                "llmr_" + id + "_" + secret + "x",
                "llmr_" + id.toUpperCase() + "_" + secret,
                "llmr_" + id + "_" + HexFormat.of().formatHex(hash),
                HexFormat.of().formatHex(hash),
                Base64.getEncoder().encodeToString(hash),
                "\\x" + HexFormat.of().formatHex(hash),
                "llmr_" + "k".repeat(10_240),
                "x".repeat(10_240),
                "llmr_" + id + "_" + secret + "\u00e9",
                "llmr_" + id + "_" + secret.substring(0, 20) + " " + secret.substring(20),
                "llmr_" + id + "_" + secret.substring(0, 20) + "\t" + secret.substring(20),
                "llmr_" + id + "_" + secret.substring(0, 20) + "\u0001" + secret.substring(20),
                "llmr_" + id + "_" + secret.substring(0, 20) + "\u0000" + secret.substring(20),
                "\u0000".repeat(64),
                "llmr__",
                "llmr_" + id + "_",
                "_" + id + "_" + secret));
        for (String key : keys) {
            assertRefused(key.length() > 80 ? key.substring(0, 80) + "..." : key, bearer(key));
        }
    }

    @Test
    void missingEmptyAndForeignSchemesAre401() throws IOException {
        String key = new RouterClient().apiKey();
        assertRefused("no header", send(null));
        assertRefused("empty bearer", send("Authorization: Bearer ".getBytes(StandardCharsets.ISO_8859_1)));
        assertRefused("bearer only", send("Authorization: Bearer".getBytes(StandardCharsets.ISO_8859_1)));
        assertRefused("empty header", send("Authorization: ".getBytes(StandardCharsets.ISO_8859_1)));
        assertRefused("basic", send(("Authorization: Basic " + Base64.getEncoder()
                .encodeToString(("x:" + key).getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.ISO_8859_1)));
        assertRefused("basic admin", send(("Authorization: Basic " + Base64.getEncoder().encodeToString(
                ("admin:" + System.getProperty("router.admin-password")).getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.ISO_8859_1)));
        assertRefused("token scheme", send(("Authorization: Token " + key).getBytes(StandardCharsets.ISO_8859_1)));
        assertRefused("bare key", send(("Authorization: " + key).getBytes(StandardCharsets.ISO_8859_1)));
        assertRefused("bearer bearer", send(("Authorization: Bearer Bearer " + key).getBytes(StandardCharsets.ISO_8859_1)));
        assertRefused("utf-8 bytes", send(("Authorization: Bearer " + key + "\u00e4\u00f6")
                .getBytes(StandardCharsets.UTF_8)));
    }
}
