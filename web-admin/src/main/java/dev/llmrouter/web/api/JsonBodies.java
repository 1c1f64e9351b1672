package dev.llmrouter.web.api;

import dev.llmrouter.web.api.error.ApiException;
import dev.llmrouter.web.api.error.ErrorBody;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.Optional;

/** Reads JSON request bodies (admin API, feedback); every refusal is a 400 naming the field. */
public final class JsonBodies {

    public static final int MAX_BODY_CHARS = 64 * 1024;

    private JsonBodies() {
    }

    public static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.invalid(null, "The request body is empty; expected a JSON object.");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw ApiException.invalid(null, "The request body is larger than " + MAX_BODY_CHARS + " characters.");
        }
        try (JsonParser parser = Json.createParser(new StringReader(body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw ApiException.invalid(null, "The request body must be a JSON object.");
            }
            JsonObject root = parser.getObject();
            if (parser.hasNext()) {
                throw invalidJson();
            }
            return root;
        } catch (JsonParsingException e) {
            throw invalidJson();
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw invalidJson();
        }
    }

    private static ApiException invalidJson() {
        return new ApiException(400, ErrorBody.INVALID_REQUEST, "invalid_json", null,
                "The request body is not valid JSON.");
    }

    public static Optional<String> string(JsonObject root, String field) {
        JsonValue value = root.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString text)) {
            throw ApiException.invalid(field, "'" + field + "' must be a string.");
        }
        return Optional.of(text.getString());
    }

    public static String requiredString(JsonObject root, String field) {
        return string(root, field).orElseThrow(() -> ApiException.invalid(field, "'" + field + "' is required."));
    }

    public static Optional<Long> longValue(JsonObject root, String field) {
        JsonValue value = root.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw ApiException.invalid(field, "'" + field + "' must be an integer.");
        }
        try {
            return Optional.of(number.longValueExact());
        } catch (ArithmeticException e) {
            throw ApiException.invalid(field, "'" + field + "' is out of range.");
        }
    }

    public static Optional<Double> doubleValue(JsonObject root, String field) {
        JsonValue value = root.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonNumber number)) {
            throw ApiException.invalid(field, "'" + field + "' must be a number.");
        }
        return Optional.of(number.doubleValue());
    }

    public static Optional<Boolean> booleanValue(JsonObject root, String field) {
        JsonValue value = root.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return Optional.of(true);
        }
        if (value.getValueType() == JsonValue.ValueType.FALSE) {
            return Optional.of(false);
        }
        throw ApiException.invalid(field, "'" + field + "' must be true or false.");
    }
}
