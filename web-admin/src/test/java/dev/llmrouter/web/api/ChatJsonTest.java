package dev.llmrouter.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.chat.ChatResult;
import dev.llmrouter.chat.RoutingReceipt;
import dev.llmrouter.chat.Tier;
import dev.llmrouter.chat.Usage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChatJsonTest {

    private static final RoutingReceipt RECEIPT =
            new RoutingReceipt("req-123", "sim-local", Tier.LOCAL, "BYPASS", "simple", true, null, null);

    /** What a client would parse: the serialised text, read back. */
    private static JsonObject roundTrip(JsonObject object) {
        return Json.createReader(new StringReader(object.toString())).readObject();
    }

    @Test
    void completionHasOpenAiShape() {
        ChatResult result = new ChatResult(RECEIPT, "Hello there", "length", new Usage(11, 7), 5, 0, 1_700_000_000L);

        JsonObject json = roundTrip(ChatJson.completion(result));

        assertEquals(Set.of("id", "object", "created", "model", "choices", "usage"), json.keySet());
        assertEquals("chatcmpl-req-123", json.getString("id"));
        assertTrue(json.getString("id").startsWith("chatcmpl-"));
        assertEquals("chat.completion", json.getString("object"));
        assertEquals(1_700_000_000L, json.getJsonNumber("created").longValueExact());
        assertEquals("sim-local", json.getString("model"));
        assertEquals(1, json.getJsonArray("choices").size());
        JsonObject choice = json.getJsonArray("choices").getJsonObject(0);
        assertEquals(0, choice.getInt("index"));
        assertEquals("assistant", choice.getJsonObject("message").getString("role"));
        assertEquals("Hello there", choice.getJsonObject("message").getString("content"));
        assertEquals(JsonValue.NULL, choice.get("logprobs"));
        assertEquals("length", choice.getString("finish_reason"));
        JsonObject usage = json.getJsonObject("usage");
        assertEquals(11, usage.getInt("prompt_tokens"));
        assertEquals(7, usage.getInt("completion_tokens"));
        assertEquals(18, usage.getInt("total_tokens"));
    }

    @Test
    void completionIdIsPrefixed() {
        assertEquals("chatcmpl-abc", ChatJson.completionId("abc"));
    }

    @Test
    void contentChunkWithoutUsageFieldHasNoUsageKey() {
        JsonObject json = roundTrip(ChatJson.chunk(RECEIPT, 42L,
                Json.createObjectBuilder().add("content", "Hel"), null, false));

        assertEquals("chatcmpl-req-123", json.getString("id"));
        assertEquals("chat.completion.chunk", json.getString("object"));
        assertEquals(42L, json.getJsonNumber("created").longValueExact());
        assertEquals("sim-local", json.getString("model"));
        assertFalse(json.containsKey("usage"));
        JsonObject choice = json.getJsonArray("choices").getJsonObject(0);
        assertEquals(0, choice.getInt("index"));
        assertEquals("Hel", choice.getJsonObject("delta").getString("content"));
        assertEquals(JsonValue.NULL, choice.get("finish_reason"));
        assertEquals(JsonValue.NULL, choice.get("logprobs"));
    }

    @Test
    void chunkCarriesANullUsageFieldOnlyWhenAsked() {
        JsonObject json = roundTrip(ChatJson.chunk(RECEIPT, 42L, Json.createObjectBuilder(), "stop", true));

        assertTrue(json.containsKey("usage"));
        assertEquals(JsonValue.NULL, json.get("usage"));
        JsonObject choice = json.getJsonArray("choices").getJsonObject(0);
        assertEquals("stop", choice.getString("finish_reason"));
        assertEquals(0, choice.getJsonObject("delta").size());
    }

    @Test
    void usageChunkHasNoChoicesAndTheTotals() {
        JsonObject json = roundTrip(ChatJson.usageChunk(RECEIPT, 42L, new Usage(3, 4)));

        assertEquals("chat.completion.chunk", json.getString("object"));
        assertEquals("chatcmpl-req-123", json.getString("id"));
        assertEquals(0, json.getJsonArray("choices").size());
        JsonObject usage = json.getJsonObject("usage");
        assertEquals(3, usage.getInt("prompt_tokens"));
        assertEquals(4, usage.getInt("completion_tokens"));
        assertEquals(7, usage.getInt("total_tokens"));
    }

    @Test
    void streamErrorHasTheErrorEnvelope() {
        JsonObject error = roundTrip(ChatJson.streamError("upstream_http_503", "The upstream model failed mid-stream."))
                .getJsonObject("error");

        assertEquals("The upstream model failed mid-stream.", error.getString("message"));
        assertEquals("upstream_error", error.getString("type"));
        assertEquals(JsonValue.NULL, error.get("param"));
        assertEquals("upstream_http_503", error.getString("code"));
    }

    @Test
    void contentIsEscapedInTheSerialisedForm() {
        ChatResult result = new ChatResult(RECEIPT, "line1\n\"quoted\"", "stop", Usage.NONE, 0, 0, 1L);

        JsonObject json = roundTrip(ChatJson.completion(result));

        assertEquals("line1\n\"quoted\"",
                json.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content"));
        assertEquals(0, json.getJsonObject("usage").getInt("total_tokens"));
    }
}
