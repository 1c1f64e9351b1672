package dev.llmrouter.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the simulator needs from a conversation: the last user message (where directives live) and a token estimate
 * in the usual four-characters-per-token style, plus a few tokens of framing per message.
 */
record Prompt(String lastUserMessage, int messageCount, int tokens) {

    static final Prompt EMPTY = new Prompt("", 0, 0);

    private static final int TOKENS_PER_MESSAGE = 3;

    /** Accepts both plain string contents and OpenAI's array of content parts. */
    static Prompt of(JsonNode messages) {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            return EMPTY;
        }
        long characters = 0;
        String lastUser = null;
        String last = "";
        for (JsonNode message : messages) {
            String content = contentText(message.get("content"));
            characters += content.length();
            last = content;
            if ("user".equals(message.path("role").asText())) {
                lastUser = content;
            }
        }
        int count = messages.size();
        int tokens = (int) Math.min(Integer.MAX_VALUE, (characters + 3) / 4 + (long) TOKENS_PER_MESSAGE * count);
        return new Prompt(lastUser != null ? lastUser : last, count, tokens);
    }

    private static String contentText(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                JsonNode partText = part.get("text");
                if (partText != null && partText.isTextual()) {
                    if (text.length() > 0) {
                        text.append(' ');
                    }
                    text.append(partText.asText());
                }
            }
            return text.toString();
        }
        return content.toString();
    }
}
