package dev.llmrouter.chat;

import java.io.Serializable;
import java.util.Objects;

public record ChatMessage(String role, String content) implements Serializable {

    public static final String SYSTEM = "system";
    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        content = content == null ? "" : content;
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(USER, content);
    }

    public static ChatMessage system(String content) {
        return new ChatMessage(SYSTEM, content);
    }
}
