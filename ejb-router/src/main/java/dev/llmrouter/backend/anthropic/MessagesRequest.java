package dev.llmrouter.backend.anthropic;

import dev.llmrouter.chat.ChatMessage;
import dev.llmrouter.chat.ChatRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates an OpenAI-shaped conversation into Anthropic's: instructions travel in the top-level
 * {@code system} field, not as messages, and turns must alternate between user and assistant.
 */
final class MessagesRequest {

    private static final String DEVELOPER = "developer";
    private static final String JOIN = "\n\n";

    private MessagesRequest() {
    }

    static AnthropicWire.Request of(ChatRequest request, String model, int defaultMaxTokens, boolean stream) {
        List<String> instructions = new ArrayList<>();
        List<AnthropicWire.Message> turns = new ArrayList<>();
        for (ChatMessage message : request.messages()) {
            String role = message.role();
            if (ChatMessage.SYSTEM.equals(role) || DEVELOPER.equals(role)) {
                instructions.add(message.content());
                continue;
            }
            // Anthropic knows only two speakers; a tool result without its call id is best read as user input.
            String speaker = ChatMessage.ASSISTANT.equals(role) ? ChatMessage.ASSISTANT : ChatMessage.USER;
            int last = turns.size() - 1;
            if (last >= 0 && turns.get(last).role().equals(speaker)) {
                String merged = turns.get(last).content() + JOIN + message.content();
                turns.set(last, new AnthropicWire.Message(speaker, merged));
            } else {
                turns.add(new AnthropicWire.Message(speaker, message.content()));
            }
        }
        String system = instructions.isEmpty() ? null : String.join(JOIN, instructions);
        if (turns.isEmpty()) {
            // Anthropic needs at least one message; instructions alone are the only thing to answer.
            turns.add(new AnthropicWire.Message(ChatMessage.USER, system));
            system = null;
        }
        Integer asked = request.maxTokens();
        // max_tokens is mandatory on this API, unlike OpenAI's.
        int maxTokens = asked != null && asked > 0 ? asked : defaultMaxTokens;
        return new AnthropicWire.Request(model, system, List.copyOf(turns), maxTokens, request.temperature(),
                request.topP(), request.stop().isEmpty() ? null : request.stop(), stream ? Boolean.TRUE : null);
    }

    /** Anthropic's stop reasons in OpenAI's finish-reason vocabulary, which the router's callers speak. */
    static String finishReason(String stopReason) {
        if (stopReason == null) {
            return null;
        }
        return switch (stopReason) {
            case "max_tokens" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> "stop";
        };
    }
}
