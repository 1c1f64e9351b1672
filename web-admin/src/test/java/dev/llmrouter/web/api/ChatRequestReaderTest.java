package dev.llmrouter.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.chat.ChatMessage;
import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.web.api.error.ApiException;
import dev.llmrouter.web.api.error.ErrorBody;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChatRequestReaderTest {

    private static final String USER_HI = "{\"role\":\"user\",\"content\":\"hi\"}";
    private static final String MESSAGES = "\"messages\":[" + USER_HI + "]";

    private static ChatCompletionRequest read(String json) {
        return ChatRequestReader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A body with the minimal messages plus the given extra fields. */
    private static String with(String extraFields) {
        return "{" + MESSAGES + "," + extraFields + "}";
    }

    private static ApiException refused(String json) {
        return assertThrows(ApiException.class, () -> read(json));
    }

    private static void assertRefused(String json, String code, String param) {
        ApiException e = refused(json);
        assertEquals(400, e.status(), e.getMessage());
        assertEquals(ErrorBody.INVALID_REQUEST, e.type());
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(param, e.param(), e.getMessage());
        assertFalse(e.getMessage() == null || e.getMessage().isBlank());
    }

    private static void assertInvalid(String json, String param) {
        assertRefused(json, "invalid_value", param);
    }

    // ---- accepted bodies ----

    @Test
    void minimalBodyDefaultsToAutoAndNoStreaming() {
        ChatCompletionRequest request = read("{" + MESSAGES + "}");

        ChatRequest chat = request.chat();
        assertEquals("auto", chat.model());
        assertTrue(chat.isAuto());
        assertEquals(List.of(ChatMessage.user("hi")), chat.messages());
        assertFalse(request.stream());
        assertFalse(request.includeUsage());
        assertNull(chat.temperature());
        assertNull(chat.topP());
        assertNull(chat.maxTokens());
        assertEquals(List.of(), chat.stop());
        assertNull(chat.seed());
        assertNull(chat.user());
    }

    @Test
    void everySupportedFieldIsRead() {
        ChatCompletionRequest request = read("{\"model\":\"sim-local\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"be brief\"},"
                + "{\"role\":\"developer\",\"content\":\"really\"},"
                + USER_HI + ","
                + "{\"role\":\"assistant\",\"content\":\"hello\"},"
                + "{\"role\":\"tool\",\"content\":\"42\"}],"
                + "\"temperature\":0.7,\"top_p\":0.9,\"max_tokens\":50,\"stop\":\"END\",\"seed\":-42,"
                + "\"user\":\"u-1\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");

        ChatRequest chat = request.chat();
        assertEquals("sim-local", chat.model());
        assertEquals(List.of("system", "developer", "user", "assistant", "tool"),
                chat.messages().stream().map(ChatMessage::role).toList());
        assertEquals("hello", chat.messages().get(3).content());
        assertEquals(0.7, chat.temperature());
        assertEquals(0.9, chat.topP());
        assertEquals(50, chat.maxTokens());
        assertEquals(List.of("END"), chat.stop());
        assertEquals(-42L, chat.seed());
        assertEquals("u-1", chat.user());
        assertTrue(request.stream());
        assertTrue(request.includeUsage());
    }

    @Test
    void streamWithoutStreamOptionsHasNoUsageChunk() {
        ChatCompletionRequest request = read(with("\"stream\":true"));

        assertTrue(request.stream());
        assertFalse(request.includeUsage());
    }

    @Test
    void includeUsageFalseIsRespected() {
        assertFalse(read(with("\"stream\":true,\"stream_options\":{\"include_usage\":false}")).includeUsage());
    }

    @Test
    void textPartArraysAreJoinedWithNewlines() {
        ChatCompletionRequest request = read("{\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"first\"},{\"type\":\"text\",\"text\":\"second\"}]}]}");

        assertEquals("first\nsecond", request.chat().messages().get(0).content());
    }

    @Test
    void maxCompletionTokensIsPreferredOverMaxTokens() {
        assertEquals(20, read(with("\"max_tokens\":10,\"max_completion_tokens\":20")).chat().maxTokens());
        assertEquals(10, read(with("\"max_tokens\":10,\"max_completion_tokens\":null")).chat().maxTokens());
        assertEquals(30, read(with("\"max_completion_tokens\":30")).chat().maxTokens());
    }

    @Test
    void anInvalidMaxCompletionTokensIsRefusedEvenWithAValidMaxTokens() {
        assertInvalid(with("\"max_tokens\":10,\"max_completion_tokens\":0"), "max_completion_tokens");
    }

    @Test
    void assistantMessagesMayHaveNullOrNoContent() {
        ChatCompletionRequest request = read("{\"messages\":[" + USER_HI + ","
                + "{\"role\":\"assistant\",\"content\":null},{\"role\":\"assistant\"}," + USER_HI + "]}");

        assertEquals("", request.chat().messages().get(1).content());
        assertEquals("", request.chat().messages().get(2).content());
        assertEquals(4, request.chat().messages().size());
    }

    @Test
    void boundaryValuesAreAccepted() {
        ChatRequest low = read(with("\"temperature\":0,\"top_p\":0,\"max_tokens\":1,\"n\":1")).chat();
        ChatRequest high = read(with("\"temperature\":2,\"top_p\":1,\"max_tokens\":1000000,"
                + "\"seed\":9223372036854775807,\"stop\":[\"a\",\"b\",\"c\",\"d\"]")).chat();

        assertEquals(0.0, low.temperature());
        assertEquals(0.0, low.topP());
        assertEquals(1, low.maxTokens());
        assertEquals(2.0, high.temperature());
        assertEquals(1.0, high.topP());
        assertEquals(1_000_000, high.maxTokens());
        assertEquals(Long.MAX_VALUE, high.seed());
        assertEquals(List.of("a", "b", "c", "d"), high.stop());
    }

    @Test
    void nullOptionalFieldsCountAsAbsent() {
        ChatRequest chat = read(with("\"model\":null,\"temperature\":null,\"top_p\":null,\"max_tokens\":null,"
                + "\"n\":null,\"stop\":null,\"seed\":null,\"user\":null,\"stream\":null,\"stream_options\":null,"
                + "\"tools\":null,\"functions\":null,\"tool_choice\":null,\"function_call\":null")).chat();

        assertEquals("auto", chat.model());
        assertNull(chat.temperature());
        assertNull(chat.maxTokens());
        assertEquals(List.of(), chat.stop());
    }

    @Test
    void unknownFieldsAreIgnored() {
        assertEquals("auto", read(with("\"frequency_penalty\":0.5,\"metadata\":{\"a\":1}")).chat().model());
    }

    // ---- refused bodies: the shape of the body ----

    @Test
    void emptyBodyIsRefused() {
        ApiException e = assertThrows(ApiException.class, () -> ChatRequestReader.read(new byte[0]));

        assertEquals(400, e.status());
        assertEquals("invalid_value", e.code());
        assertNull(e.param());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[" + USER_HI + "]", "\"a string\"", "null", "true"})
    void nonObjectJsonIsRefused(String json) {
        assertInvalid(json, null);
    }

    @Test
    void aTopLevelNumberIsRefusedWith400() {
        ApiException e = refused("5");

        assertEquals(400, e.status());
        assertNull(e.param());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"messages\":}", "{\"a\":1,}", "tru", "{'messages':[]}", "   ", "{\"a\" 1}",
            "{\"messages\":[" + USER_HI + "]"})
    void malformedJsonIsRefusedAsInvalidJson(String json) {
        ApiException e = refused(json);

        assertEquals(400, e.status());
        assertEquals("invalid_json", e.code());
        assertNull(e.param());
        assertTrue(e.getMessage().startsWith("The request body is not valid JSON"), e.getMessage());
    }

    // ---- refused fields ----

    @ParameterizedTest
    @ValueSource(strings = {"api_base", "base_url", "api_key", "api_version", "organization", "custom_llm_provider"})
    void steeringFieldsAreForbidden(String field) {
        assertRefused(with("\"" + field + "\":\"http://evil.example\""), "forbidden_field", field);
        assertRefused(with("\"" + field + "\":null"), "forbidden_field", field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tools", "functions", "tool_choice", "function_call"})
    void toolFieldsAreUnsupported(String field) {
        assertRefused(with("\"" + field + "\":[]"), "unsupported_parameter", field);
    }

    @Test
    void missingMessagesAreRefused() {
        assertInvalid("{\"model\":\"auto\"}", "messages");
        assertInvalid("{\"messages\":null}", "messages");
    }

    @Test
    void emptyMessagesAreRefused() {
        assertInvalid("{\"messages\":[]}", "messages");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"hi\"", "{}", "5", "true"})
    void nonArrayMessagesAreRefused(String messages) {
        assertInvalid("{\"messages\":" + messages + "}", "messages");
    }

    @Test
    void tooManyMessagesAreRefused() {
        String many = String.join(",", java.util.Collections.nCopies(2049, USER_HI));

        assertInvalid("{\"messages\":[" + many + "]}", "messages");
    }

    @Test
    void aMessageThatIsNotAnObjectIsRefused() {
        assertInvalid("{\"messages\":[" + USER_HI + ",\"hi\"]}", "messages[1]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"wizard\"", "\"USER\"", "\"\"", "null"})
    void badRolesAreRefused(String role) {
        assertInvalid("{\"messages\":[" + USER_HI + ",{\"role\":" + role + ",\"content\":\"x\"}]}", "messages[1].role");
    }

    @Test
    void aMissingRoleIsRefused() {
        assertInvalid("{\"messages\":[{\"content\":\"x\"}]}", "messages[0].role");
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "system", "developer", "tool"})
    void contentIsRequiredForEveryRoleButAssistant(String role) {
        assertInvalid("{\"messages\":[{\"role\":\"" + role + "\"}]}", "messages[0].content");
        assertInvalid("{\"messages\":[{\"role\":\"" + role + "\",\"content\":null}]}", "messages[0].content");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "true", "{\"text\":\"x\"}"})
    void contentOfTheWrongTypeIsRefused(String content) {
        assertInvalid("{\"messages\":[{\"role\":\"user\",\"content\":" + content + "}]}", "messages[0].content");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"image_url\",\"image_url\":{\"url\":\"http://x/y.png\"}}",
        "{\"type\":\"text\",\"text\":5}",
        "{\"type\":\"text\"}",
        "{\"text\":\"no type\"}"
    })
    void nonTextPartsAreUnsupported(String part) {
        assertRefused("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}," + part + "]}]}",
                "unsupported_content", "messages[0].content[1]");
    }

    @Test
    void aPartThatIsNotAnObjectIsRefused() {
        assertInvalid("{\"messages\":[{\"role\":\"user\",\"content\":[\"plain\"]}]}", "messages[0].content[0]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.1", "2.01", "\"0.5\"", "true", "1e400", "-1e400"})
    void temperatureOutOfRangeOrNotANumberIsRefused(String value) {
        assertInvalid(with("\"temperature\":" + value), "temperature");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.01", "-0.01", "\"1\"", "1e400"})
    void topPOutOfRangeIsRefused(String value) {
        assertInvalid(with("\"top_p\":" + value), "top_p");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1.5", "1.0", "1000001", "\"10\"", "1e400", "-1e400", "1e2",
            "99999999999999999999", "[10]"})
    void badMaxTokensAreRefused(String value) {
        assertInvalid(with("\"max_tokens\":" + value), "max_tokens");
    }

    @Test
    void anAstronomicalMaxTokensIsA400NotAnotherException() {
        ApiException e = refused(with("\"max_tokens\":1e400"));

        assertEquals(400, e.status());
        assertEquals("max_tokens", e.param());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "0", "1.5", "\"1\""})
    void onlyOneChoiceIsServed(String n) {
        assertInvalid(with("\"n\":" + n), "n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"a\",\"b\",\"c\",\"d\",\"e\"]", "[\"a\",5]", "[null]", "5", "{\"a\":1}", "true"})
    void badStopSequencesAreRefused(String stop) {
        assertInvalid(with("\"stop\":" + stop), "stop");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "\"42\"", "1e400", "9223372036854775808", "true"})
    void nonIntegerSeedsAreRefused(String seed) {
        assertInvalid(with("\"seed\":" + seed), "seed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"true\"", "1", "0", "{}"})
    void nonBooleanStreamIsRefused(String value) {
        assertInvalid(with("\"stream\":" + value), "stream");
    }

    @Test
    void nonObjectStreamOptionsAreRefused() {
        assertInvalid(with("\"stream\":true,\"stream_options\":true"), "stream_options");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"model|5", "model|[\"a\"]", "user|5"})
    void nonStringTextFieldsAreRefused(String field, String value) {
        assertInvalid(with("\"" + field + "\":" + value), field);
    }

    @Test
    void nestingBeyondTheParserLimitIsA400NotA500() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        assertRefused("{\"x\":" + deep + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "invalid_json", null);
    }

    @Test
    void anAbsurdlyLongNumberIsA400NotA500() {
        assertRefused("{\"x\":" + "9".repeat(2_000) + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "invalid_json", null);
    }

    @Test
    void contentAfterTheJsonObjectIsRefused() {
        assertRefused("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]} {}", "invalid_json", null);
    }

    @Test
    void cacheOptionsAreRead() {
        var cache = read(with("\"cache\":{\"no-store\":true,\"ttl\":60,\"namespace\":\"faq\"}")).chat().cache();
        assertEquals(true, cache.noStore());
        assertEquals(60L, cache.ttlSeconds());
        assertEquals("faq", cache.namespace());
        assertRefused(with("\"cache\":{\"namespace\":\"\"}"), "invalid_value", "cache.namespace");
    }

    @Test
    void nestedParametersAreNamedByTheirWholePath() {
        assertRefused(with("\"cache\":{\"ttl\":0}"), "invalid_value", "cache.ttl");
        assertRefused(with("\"cache\":{\"namespace\":7}"), "invalid_value", "cache.namespace");
        assertRefused(with("\"cache\":{\"no-store\":\"yes\"}"), "invalid_value", "cache.no-store");
        assertRefused(with("\"stream_options\":{\"include_usage\":1}"), "invalid_value",
                "stream_options.include_usage");
        assertRefused("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":5,\"content\":\"x\"}]}",
                "invalid_value", "messages[1].role");
    }
}
