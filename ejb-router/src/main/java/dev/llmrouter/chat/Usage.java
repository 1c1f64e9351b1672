package dev.llmrouter.chat;

import java.io.Serializable;

public record Usage(int promptTokens, int completionTokens) implements Serializable {

    public static final Usage NONE = new Usage(0, 0);

    public Usage {
        if (promptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }

    public int totalTokens() {
        return promptTokens + completionTokens;
    }
}
