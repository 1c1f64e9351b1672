package dev.llmrouter.web.api.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorBodyTest {

    private static JsonObject error(JsonObject body) {
        JsonObject parsed = Json.createReader(new StringReader(body.toString())).readObject();
        assertEquals(Set.of("error"), parsed.keySet());
        return parsed.getJsonObject("error");
    }

    @Test
    void nullParamAndCodeAreJsonNull() {
        JsonObject error = error(ErrorBody.of(ErrorBody.SERVER, null, null, "boom"));

        assertEquals(Set.of("message", "type", "param", "code"), error.keySet());
        assertEquals("boom", error.getString("message"));
        assertEquals("server_error", error.getString("type"));
        assertEquals(JsonValue.NULL, error.get("param"));
        assertEquals(JsonValue.NULL, error.get("code"));
    }

    @Test
    void paramAndCodeAreStringsWhenGiven() {
        JsonObject error = error(ErrorBody.of(ErrorBody.INVALID_REQUEST, "forbidden_field", "api_key", "no"));

        assertEquals("invalid_request_error", error.getString("type"));
        assertEquals("forbidden_field", error.getString("code"));
        assertEquals("api_key", error.getString("param"));
        assertEquals("no", error.getString("message"));
    }

    @Test
    void onlyOneOfParamAndCode() {
        JsonObject withCode = error(ErrorBody.of(ErrorBody.NOT_FOUND, "model_not_found", null, "m"));
        JsonObject withParam = error(ErrorBody.of(ErrorBody.INVALID_REQUEST, null, "messages", "m"));

        assertEquals("model_not_found", withCode.getString("code"));
        assertEquals(JsonValue.NULL, withCode.get("param"));
        assertEquals("messages", withParam.getString("param"));
        assertEquals(JsonValue.NULL, withParam.get("code"));
    }

    @Test
    void apiExceptionInvalidIsA400InvalidValue() {
        ApiException e = ApiException.invalid("top_p", "bad");

        assertEquals(400, e.status());
        assertEquals(ErrorBody.INVALID_REQUEST, e.type());
        assertEquals("invalid_value", e.code());
        assertEquals("top_p", e.param());
        assertEquals("bad", e.getMessage());
    }
}
