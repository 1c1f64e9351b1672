package it.api;

import static it.support.RouterClient.chatBody;
import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.support.RouterClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear status and an OpenAI-style error body, never a stack trace. */
class ApiErrorsIT {

    private static final String VALID = chatBody("sim-local", "hello [[sim ttft=0 tps=1000]]", false, false);

    private final RouterClient client = new RouterClient();

    private static JsonNode assertError(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("content-type").orElseThrow().startsWith("application/json"));
        assertFalse(response.body().contains("Exception"), response.body());
        assertFalse(response.body().contains("at dev.") || response.body().contains("at java."), response.body());
        JsonNode error = json(response.body()).get("error");
        assertEquals(type, error.get("type").asText());
        assertFalse(error.get("message").asText().isBlank());
        assertTrue(error.has("param") && error.has("code"));
        return error;
    }

    @Test
    void missingKeyIs401() {
        HttpResponse<String> response = client.postChat(VALID, null, null);
        JsonNode error = assertError(response, 401, "authentication_error");
        assertEquals("invalid_api_key", error.get("code").asText());
        assertEquals("Bearer", response.headers().firstValue("www-authenticate").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "llmr_17e5700000000001_WrongSecretWrongSecretWrongSecretWrongSecre",
        "llmr_0000000000000000_ItTestKeyItTestKeyItTestKeyItTestKeyItTestK",
        "short",
        "' OR '1'='1' --' OR '1'='1' --",
        "%00%00%00%00%00%00%00%00%00%00%00%00",
    })
    void wrongKeysAre401(String key) {
        assertError(client.postChat(VALID, key, null), 401, "authentication_error");
    }

    @Test
    void hugeKeyIs401() {
        assertError(client.postChat(VALID, "k".repeat(10_000), null), 401, "authentication_error");
    }

    @Test
    void malformedJsonIs400() {
        JsonNode error = assertError(client.postChat("{\"model\": \"auto\", \"messages\": [", client.apiKey(), null),
                400, "invalid_request_error");
        assertEquals("invalid_json", error.get("code").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"api_base", "base_url", "api_key"})
    void fieldsThatSteerTrafficAreRefused(String field) {
        String body = "{\"" + field + "\":\"http://169.254.169.254/\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        JsonNode error = assertError(client.postChat(body, client.apiKey(), null), 400, "invalid_request_error");
        assertEquals(field, error.get("param").asText());
        assertEquals("forbidden_field", error.get("code").asText());
    }

    @Test
    void missingMessagesNamesTheParameter() {
        JsonNode error = assertError(client.postChat("{\"model\":\"auto\"}", client.apiKey(), null), 400,
                "invalid_request_error");
        assertEquals("messages", error.get("param").asText());
    }

    @Test
    void oversizedBodyIs413() {
        String body = chatBody("auto", "x".repeat(3 * 1024 * 1024), false, false);
        JsonNode error = assertError(client.postChat(body, client.apiKey(), null), 413, "invalid_request_error");
        assertEquals("request_too_large", error.get("code").asText());
    }

    @Test
    void unknownModelIs404() {
        JsonNode error = assertError(client.postChat(chatBody("gpt-99", "hi", false, false), client.apiKey(), null),
                404, "not_found_error");
        assertEquals("model_not_found", error.get("code").asText());
        assertEquals("model", error.get("param").asText());
    }

    @Test
    void unknownPathIs404InTheSameShape() {
        assertError(client.get("/v1/no-such-thing", client.apiKey()), 404, "not_found_error");
    }
}
