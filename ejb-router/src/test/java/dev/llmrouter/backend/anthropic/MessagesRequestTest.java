package dev.llmrouter.backend.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmrouter.chat.ChatMessage;
import dev.llmrouter.chat.ChatRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesRequestTest {

    private static ChatRequest.Builder conversation(ChatMessage... messages) {
        return ChatRequest.builder().model("m").messages(List.of(messages));
    }

    @Test
    void systemAndDeveloperMessagesJoinIntoTheSystemField() {
        AnthropicWire.Request request = MessagesRequest.of(conversation(
                ChatMessage.system("Be terse."), ChatMessage.user("Hi"), new ChatMessage("developer", "Use French."))
                .build(), "claude", 1024, false);

        assertEquals("Be terse.\n\nUse French.", request.system());
        assertEquals(List.of(new AnthropicWire.Message("user", "Hi")), request.messages());
    }

    @Test
    void consecutiveTurnsOfOneSpeakerMerge() {
        AnthropicWire.Request request = MessagesRequest.of(conversation(
                ChatMessage.user("a"), ChatMessage.user("b"), new ChatMessage("assistant", "c"),
                new ChatMessage("tool", "d"), ChatMessage.user("e")).build(), "claude", 1024, false);

        assertEquals(List.of(new AnthropicWire.Message("user", "a\n\nb"), new AnthropicWire.Message("assistant", "c"),
                new AnthropicWire.Message("user", "d\n\ne")), request.messages());
        assertNull(request.system());
    }

    @Test
    void instructionsAloneBecomeTheOneUserTurn() {
        AnthropicWire.Request request = MessagesRequest.of(conversation(ChatMessage.system("Say hi")).build(),
                "claude", 1024, false);

        assertNull(request.system());
        assertEquals(List.of(new AnthropicWire.Message("user", "Say hi")), request.messages());
    }

    @Test
    void maxTokensIsAlwaysSentAndSamplingIsMapped() throws Exception {
        AnthropicWire.Request defaulted = MessagesRequest.of(conversation(ChatMessage.user("x")).build(),
                "claude", 1024, true);
        AnthropicWire.Request asked = MessagesRequest.of(conversation(ChatMessage.user("x")).maxTokens(7)
                .temperature(0.2).topP(0.9).stop(List.of("END")).build(), "claude", 1024, false);

        JsonNode json = AnthropicWire.JSON.readTree(AnthropicWire.JSON.writeValueAsString(asked));
        assertEquals(1024, defaulted.maxTokens());
        assertEquals(Boolean.TRUE, defaulted.stream());
        assertEquals(7, json.get("max_tokens").asInt());
        assertEquals(0.2, json.get("temperature").asDouble());
        assertEquals(0.9, json.get("top_p").asDouble());
        assertEquals("END", json.at("/stop_sequences/0").asText());
        assertEquals("claude", json.get("model").asText());
        assertFalse(json.has("stream"), "absent, not false, when not streaming");
        assertFalse(json.has("system"));
    }

    @Test
    void stopReasonsMapOntoFinishReasons() {
        assertEquals("stop", MessagesRequest.finishReason("end_turn"));
        assertEquals("length", MessagesRequest.finishReason("max_tokens"));
        assertEquals("stop", MessagesRequest.finishReason("stop_sequence"));
        assertEquals("tool_calls", MessagesRequest.finishReason("tool_use"));
        assertNull(MessagesRequest.finishReason(null));
    }
}
