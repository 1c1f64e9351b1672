package dev.llmrouter.cache;

import dev.llmrouter.chat.ChatMessage;
import dev.llmrouter.chat.ChatRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything that changes an answer except the last user turn, hashed: the model alias, the
 * system prompt and every earlier turn, the sampling parameters, and the cache namespace. Only
 * questions with the same partition are ever compared; inside it the last user turn is matched,
 * exactly through {@link #promptHash} or semantically through its embedding.
 */
public record PartitionKey(String partitionHash, String promptHash, String question) {

    public static PartitionKey of(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        int last = lastUserIndex(messages);
        StringBuilder canonical = new StringBuilder(256);
        field(canonical, "model", request.model());
        field(canonical, "namespace", request.cache().namespace());
        field(canonical, "temperature", request.temperature());
        field(canonical, "top_p", request.topP());
        field(canonical, "max_tokens", request.maxTokens());
        field(canonical, "seed", request.seed());
        field(canonical, "stop", request.stop());
        for (int i = 0; i < messages.size(); i++) {
            if (i != last) {
                field(canonical, (i < last ? "before:" : "after:") + messages.get(i).role(), messages.get(i).content());
            }
        }
        String question = last < 0 ? "" : messages.get(last).content();
        return new PartitionKey(sha256(canonical.toString()), sha256(normalise(question)), question);
    }

    /** Whitespace differences never make two questions different. */
    static String normalise(String question) {
        return question.strip().replaceAll("\\s+", " ");
    }

    private static int lastUserIndex(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (ChatMessage.USER.equals(messages.get(i).role())) {
                return i;
            }
        }
        return -1;
    }

    /** Length-prefixed, so no two different requests can produce the same canonical text. */
    private static void field(StringBuilder out, String name, Object value) {
        String text = String.valueOf(value);
        out.append(name).append('=').append(text.length()).append(':').append(text).append('\n');
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
