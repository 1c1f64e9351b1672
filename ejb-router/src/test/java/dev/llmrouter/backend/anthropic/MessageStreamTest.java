package dev.llmrouter.backend.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.backend.RetriableBackendException;
import dev.llmrouter.chat.Usage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageStreamTest {

    private final List<String> sent = new ArrayList<>();
    private final MessageStream stream = new MessageStream("claude", sent::add);

    @Test
    void collectsTextUsageAndStopReasonAcrossEvents() {
        assertTrue(stream.accept("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\","
                + "\"content\":[],\"stop_reason\":null,\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}"));
        stream.accept("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
        stream.accept("ping", "{\"type\": \"ping\"}");
        stream.accept("content_block_delta", delta("Hello"));
        stream.accept("content_block_delta", delta(" there"));
        stream.accept("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
        stream.accept("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"max_tokens\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":2}}");

        assertFalse(stream.stopped());
        assertFalse(stream.accept("message_stop", "{\"type\":\"message_stop\"}"), "nothing follows message_stop");
        assertTrue(stream.stopped());
        assertEquals(List.of("Hello", " there"), sent);
        assertEquals("Hello there", stream.content());
        assertEquals("length", stream.finishReason());
        assertEquals(new Usage(25, 2), stream.usage());
    }

    @Test
    void anErrorEventIsRetriable() {
        RetriableBackendException e = assertThrows(RetriableBackendException.class, () -> stream.accept("error",
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));

        assertTrue(e.getMessage().contains("overloaded_error"), e.getMessage());
    }

    @Test
    void malformedDataIsRetriable() {
        assertThrows(RetriableBackendException.class, () -> stream.accept("content_block_delta", "{\"type\":"));
    }

    @Test
    void toolInputDeltasAreNotText() {
        stream.accept("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,"
                + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"a\\\"\"}}");

        assertTrue(sent.isEmpty());
    }

    private static String delta(String text) {
        return "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"" + text
                + "\"}}";
    }
}
