package dev.llmrouter.idempotency.internal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/** Response headers as the JSON object stored beside the body. */
final class ResponseHeaders {

    private ResponseHeaders() {
    }

    static String toJson(Map<String, String> headers) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        headers.forEach(json::add);
        return json.build().toString();
    }

    static Map<String, String> fromJson(String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (json == null) {
            return headers;
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            object.forEach((name, value) -> headers.put(name, ((JsonString) value).getString()));
        }
        return headers;
    }
}
