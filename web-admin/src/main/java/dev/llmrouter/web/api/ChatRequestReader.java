package dev.llmrouter.web.api;

import dev.llmrouter.chat.CacheOptions;
import dev.llmrouter.chat.ChatMessage;
import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.web.api.error.ApiException;
import dev.llmrouter.web.api.error.ErrorBody;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads and validates an OpenAI chat-completion body. Every refusal names the offending parameter;
 * fields that would let a body choose where traffic goes are refused outright.
 */
final class ChatRequestReader {

    /** A body never chooses the upstream or its credentials. */
    static final Set<String> STEERING_FIELDS = Set.of(
            "api_base", "base_url", "api_key", "api_version", "organization", "custom_llm_provider");
    /** Accepted by OpenAI but not served by this router yet: refusing beats silently ignoring. */
    static final Set<String> UNSUPPORTED_FIELDS = Set.of("tools", "functions", "tool_choice", "function_call");
    static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");
    static final int MAX_MESSAGES = 2_048;
    static final int MAX_STOP_SEQUENCES = 4;
    static final int MAX_OUTPUT_TOKENS = 1_000_000;

    private ChatRequestReader() {
    }

    static ChatCompletionRequest read(byte[] body) {
        JsonObject root = parse(body);
        for (String field : root.keySet()) {
            if (STEERING_FIELDS.contains(field)) {
                throw new ApiException(400, ErrorBody.INVALID_REQUEST, "forbidden_field", field,
                        "The field '" + field + "' is not allowed: the router decides where requests go.");
            }
            if (UNSUPPORTED_FIELDS.contains(field) && !root.isNull(field)) {
                throw new ApiException(400, ErrorBody.INVALID_REQUEST, "unsupported_parameter", field,
                        "The field '" + field + "' is not supported by this router yet.");
            }
        }
        // One choice per request: caching, costing and routing all assume it.
        optionalInt(root, "n", 1, 1);
        Integer maxTokens = optionalInt(root, "max_completion_tokens", 1, MAX_OUTPUT_TOKENS);
        if (maxTokens == null) {
            maxTokens = optionalInt(root, "max_tokens", 1, MAX_OUTPUT_TOKENS);
        }
        ChatRequest chat = ChatRequest.builder()
                .model(optionalString(root, "model"))
                .messages(messages(root))
                .temperature(optionalDouble(root, "temperature", 0, 2))
                .topP(optionalDouble(root, "top_p", 0, 1))
                .maxTokens(maxTokens)
                .stop(stop(root))
                .seed(optionalLong(root, "seed"))
                .user(optionalString(root, "user"))
                .cache(cacheOptions(root))
                .build();
        boolean stream = optionalBoolean(root, "stream");
        boolean includeUsage = false;
        if (has(root, "stream_options")) {
            JsonObject options = object(root.get("stream_options"), "stream_options");
            includeUsage = optionalBoolean(options, "stream_options.include_usage");
        }
        return new ChatCompletionRequest(chat, stream, includeUsage);
    }

    private static JsonObject parse(byte[] body) {
        if (body.length == 0) {
            throw ApiException.invalid(null, "The request body is empty; expected a JSON object.");
        }
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw ApiException.invalid(null, "The request body must be a JSON object.");
            }
            JsonObject root = parser.getObject();
            if (parser.hasNext()) {
                throw invalidJson("The request body has content after its JSON object.");
            }
            return root;
        } catch (JsonParsingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
            throw invalidJson("The request body is not valid JSON" + where + ".");
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            // The parser's own limits (nesting depth, number length) end up here: still the client's input.
            throw invalidJson("The request body is not valid JSON or exceeds the parser's limits.");
        }
    }

    private static ApiException invalidJson(String message) {
        return new ApiException(400, ErrorBody.INVALID_REQUEST, "invalid_json", null, message);
    }

    private static List<ChatMessage> messages(JsonObject root) {
        if (!has(root, "messages")) {
            throw ApiException.invalid("messages", "'messages' is required: a non-empty array of messages.");
        }
        if (root.get("messages").getValueType() != JsonValue.ValueType.ARRAY) {
            throw ApiException.invalid("messages", "'messages' must be an array.");
        }
        JsonArray array = root.getJsonArray("messages");
        if (array.isEmpty()) {
            throw ApiException.invalid("messages", "'messages' must contain at least one message.");
        }
        if (array.size() > MAX_MESSAGES) {
            throw ApiException.invalid("messages", "'messages' may hold at most " + MAX_MESSAGES + " messages.");
        }
        List<ChatMessage> messages = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String param = "messages[" + i + "]";
            JsonObject message = object(array.get(i), param);
            String role = optionalString(message, param + ".role");
            if (role == null || !ROLES.contains(role)) {
                throw ApiException.invalid(param + ".role", "The role must be one of " + ROLES + ".");
            }
            messages.add(new ChatMessage(role, content(message, param + ".content", role)));
        }
        return messages;
    }

    /** A string, or an array of text parts (joined); null only where OpenAI allows it. */
    private static String content(JsonObject message, String param, String role) {
        JsonValue content = message.get("content");
        if (content == null || content.getValueType() == JsonValue.ValueType.NULL) {
            if ("assistant".equals(role)) {
                return "";
            }
            throw ApiException.invalid(param, "'content' is required for role '" + role + "'.");
        }
        if (content instanceof JsonString s) {
            return s.getString();
        }
        if (content.getValueType() == JsonValue.ValueType.ARRAY) {
            StringBuilder text = new StringBuilder();
            JsonArray parts = content.asJsonArray();
            for (int i = 0; i < parts.size(); i++) {
                String partParam = param + "[" + i + "]";
                JsonObject part = object(parts.get(i), partParam);
                if (!"text".equals(optionalString(part, partParam + ".type"))
                        || !(part.get("text") instanceof JsonString)) {
                    throw new ApiException(400, ErrorBody.INVALID_REQUEST, "unsupported_content", partParam,
                            "Only text content parts ({\"type\":\"text\",\"text\":...}) are supported.");
                }
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(part.getString("text"));
            }
            return text.toString();
        }
        throw ApiException.invalid(param, "'content' must be a string or an array of text parts.");
    }

    static final long MAX_TTL_SECONDS = 30L * 24 * 3600;
    static final int MAX_NAMESPACE_LENGTH = 64;

    /** LiteLLM's per-request cache controls: {@code {"no-cache", "no-store", "ttl", "namespace"}}. */
    private static CacheOptions cacheOptions(JsonObject root) {
        if (!has(root, "cache")) {
            return CacheOptions.DEFAULT;
        }
        JsonObject cache = object(root.get("cache"), "cache");
        Integer ttl = optionalInt(cache, "cache.ttl", 1, (int) MAX_TTL_SECONDS);
        String namespace = optionalString(cache, "cache.namespace");
        if (namespace != null && (namespace.isBlank() || namespace.length() > MAX_NAMESPACE_LENGTH)) {
            throw ApiException.invalid("cache.namespace",
                    "'cache.namespace' must be 1 to " + MAX_NAMESPACE_LENGTH + " characters.");
        }
        return new CacheOptions(optionalBoolean(cache, "cache.no-cache"),
                optionalBoolean(cache, "cache.no-store"), null,
                ttl == null ? null : ttl.longValue(), namespace);
    }

    private static List<String> stop(JsonObject root) {
        if (!has(root, "stop")) {
            return List.of();
        }
        JsonValue stop = root.get("stop");
        if (stop instanceof JsonString s) {
            return List.of(s.getString());
        }
        if (stop.getValueType() == JsonValue.ValueType.ARRAY) {
            JsonArray array = stop.asJsonArray();
            if (array.size() > MAX_STOP_SEQUENCES) {
                throw ApiException.invalid("stop", "'stop' may hold at most " + MAX_STOP_SEQUENCES + " sequences.");
            }
            List<String> sequences = new ArrayList<>();
            for (JsonValue v : array) {
                if (!(v instanceof JsonString s)) {
                    throw ApiException.invalid("stop", "'stop' must be a string or an array of strings.");
                }
                sequences.add(s.getString());
            }
            return sequences;
        }
        throw ApiException.invalid("stop", "'stop' must be a string or an array of strings.");
    }

    private static boolean has(JsonObject o, String field) {
        return o.containsKey(field) && !o.isNull(field);
    }

    private static JsonObject object(JsonValue value, String param) {
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.invalid(param, "'" + param + "' must be an object.");
        }
        return value.asJsonObject();
    }

    /**
     * The key a parameter path names inside its own object: {@code "cache.ttl"} is key {@code ttl}
     * of the {@code cache} object. Errors name the whole path, as OpenAI's name nested parameters.
     */
    private static String key(String param) {
        return param.substring(param.lastIndexOf('.') + 1);
    }

    private static String optionalString(JsonObject o, String field) {
        if (!has(o, key(field))) {
            return null;
        }
        if (!(o.get(key(field)) instanceof JsonString s)) {
            throw ApiException.invalid(field, "'" + field + "' must be a string.");
        }
        return s.getString();
    }

    private static boolean optionalBoolean(JsonObject o, String field) {
        if (!has(o, key(field))) {
            return false;
        }
        JsonValue v = o.get(key(field));
        if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
            throw ApiException.invalid(field, "'" + field + "' must be true or false.");
        }
        return v == JsonValue.TRUE;
    }

    private static JsonNumber number(JsonObject o, String field) {
        if (!(o.get(key(field)) instanceof JsonNumber number)) {
            throw ApiException.invalid(field, "'" + field + "' must be a number.");
        }
        return number;
    }

    private static Double optionalDouble(JsonObject o, String field, double min, double max) {
        if (!has(o, key(field))) {
            return null;
        }
        double value = number(o, field).doubleValue();
        if (!(value >= min && value <= max)) {
            throw ApiException.invalid(field, "'" + field + "' must be between " + min + " and " + max + ".");
        }
        return value;
    }

    private static Integer optionalInt(JsonObject o, String field, int min, int max) {
        if (!has(o, key(field))) {
            return null;
        }
        JsonNumber number = number(o, field);
        if (!number.isIntegral() || number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(min)) < 0
                || number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
            throw ApiException.invalid(field, "'" + field + "' must be an integer between " + min + " and " + max + ".");
        }
        return number.intValue();
    }

    private static Long optionalLong(JsonObject o, String field) {
        if (!has(o, key(field))) {
            return null;
        }
        JsonNumber number = number(o, field);
        try {
            return number.bigDecimalValue().longValueExact();
        } catch (ArithmeticException e) {
            throw ApiException.invalid(field, "'" + field + "' must be a 64-bit integer.");
        }
    }
}
