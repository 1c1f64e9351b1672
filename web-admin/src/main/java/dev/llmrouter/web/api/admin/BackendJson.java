package dev.llmrouter.web.api.admin;

import dev.llmrouter.backend.BackendHealth;
import dev.llmrouter.backend.BackendLoad;
import dev.llmrouter.backend.admin.BackendSpec;
import dev.llmrouter.backend.admin.BackendView;
import dev.llmrouter.web.api.error.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.Set;

/** The admin API's JSON for backends, snake_case like the rest of the API; strict about unknown fields. */
final class BackendJson {

    private static final Set<String> FIELDS = Set.of("name", "kind", "tier", "base_url", "upstream_model",
            "input_micros_per_mtok", "output_micros_per_mtok", "max_concurrency", "max_wait_queue",
            "connect_timeout_ms", "read_timeout_ms", "ttft_timeout_ms", "api_key_ref", "allow_private_network",
            "enabled", "simulated");

    private BackendJson() {
    }

    static BackendSpec spec(String body) {
        JsonObject o = object(body);
        for (String field : o.keySet()) {
            if (field.equals("api_key") || field.equals("apiKey")) {
                throw ApiException.invalid(field, "API keys are never stored or accepted here; put the key in the "
                        + "environment of every instance and name that property in api_key_ref.");
            }
            if (!FIELDS.contains(field)) {
                throw ApiException.invalid(field, "Unknown field '" + field + "'; known fields: " + FIELDS + ".");
            }
        }
        return new BackendSpec(text(o, "name"), text(o, "kind"), text(o, "tier"), text(o, "base_url"),
                text(o, "upstream_model"), whole(o, "input_micros_per_mtok"), whole(o, "output_micros_per_mtok"),
                integer(o, "max_concurrency"), integer(o, "max_wait_queue"), integer(o, "connect_timeout_ms"),
                integer(o, "read_timeout_ms"), integer(o, "ttft_timeout_ms"), text(o, "api_key_ref"),
                bool(o, "allow_private_network"), bool(o, "enabled"), bool(o, "simulated"));
    }

    static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.invalid(null, "A JSON object is required.");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ApiException.invalid(null, "The body must be a JSON object.");
            }
            return value.asJsonObject();
        } catch (JsonParsingException e) {
            throw ApiException.invalid(null, "The body is not valid JSON.");
        } catch (JsonException e) {
            throw ApiException.invalid(null, "The body is not valid JSON.");
        }
    }

    private static String text(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw ApiException.invalid(field, "'" + field + "' must be a string.");
    }

    private static Long whole(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                throw ApiException.invalid(field, "'" + field + "' is out of range.");
            }
        }
        throw ApiException.invalid(field, "'" + field + "' must be a whole number.");
    }

    private static Integer integer(JsonObject o, String field) {
        Long value = whole(o, field);
        if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            throw ApiException.invalid(field, "'" + field + "' is out of range.");
        }
        return value == null ? null : value.intValue();
    }

    private static Boolean bool(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return v == JsonValue.TRUE;
        }
        throw ApiException.invalid(field, "'" + field + "' must be true or false.");
    }

    static JsonObjectBuilder view(BackendView b) {
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("object", "backend")
                .add("name", b.name())
                .add("kind", b.kind())
                .add("tier", b.tier())
                .add("base_url", b.baseUrl())
                .add("upstream_model", b.upstreamModel())
                .add("input_micros_per_mtok", b.inputMicrosPerMillion())
                .add("output_micros_per_mtok", b.outputMicrosPerMillion())
                .add("connect_timeout_ms", b.connectTimeoutMs())
                .add("read_timeout_ms", b.readTimeoutMs())
                .add("ttft_timeout_ms", b.ttftTimeoutMs())
                .add("api_key_set", b.apiKeySet())
                .add("allow_private_network", b.allowPrivateNetwork())
                .add("enabled", b.enabled())
                .add("simulated", b.simulated())
                .add("source", b.source())
                .add("running", b.running());
        nullable(o, "max_concurrency", b.maxConcurrency());
        nullable(o, "max_wait_queue", b.maxWaitQueue());
        if (b.apiKeyRef() == null) {
            o.addNull("api_key_ref");
        } else {
            o.add("api_key_ref", b.apiKeyRef());
        }
        if (b.updatedAt() == null) {
            o.addNull("updated_at");
        } else {
            o.add("updated_at", b.updatedAt().toString());
        }
        BackendLoad load = b.load();
        if (load == null) {
            o.addNull("load");
        } else {
            o.add("load", Json.createObjectBuilder()
                    .add("in_flight", load.inFlight())
                    .add("waiting", load.waiting())
                    .add("max_concurrency", load.maxConcurrency())
                    .add("max_waiting", load.maxWaiting())
                    .add("breaker", load.breakerState())
                    .add("residency", load.residency().name())
                    .add("cold_load_expected", load.coldLoadExpected()));
        }
        BackendHealth health = b.health();
        if (health == null) {
            o.addNull("health");
        } else {
            o.add("health", Json.createObjectBuilder().add("up", health.up()).add("detail", health.detail()));
        }
        return o;
    }

    private static void nullable(JsonObjectBuilder o, String field, Integer value) {
        if (value == null) {
            o.addNull(field);
        } else {
            o.add(field, value);
        }
    }
}
