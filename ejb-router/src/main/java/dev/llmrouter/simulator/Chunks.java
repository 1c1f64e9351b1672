package dev.llmrouter.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code chat.completion.chunk} objects of one stream. They share id, created and model, and carry
 * {@code "usage": null} only when the client asked for a usage chunk, as OpenAI does.
 */
record Chunks(String id, long created, String model, boolean includeUsage) {

    static final String FINGERPRINT = "fp_simulated";

    ObjectNode delta(ObjectNode delta, String finishReason) {
        ObjectNode chunk = base();
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        if (includeUsage) {
            chunk.putNull("usage");
        }
        return chunk;
    }

    ObjectNode usage(ObjectNode usage) {
        ObjectNode chunk = base();
        chunk.putArray("choices");
        chunk.set("usage", usage);
        return chunk;
    }

    private ObjectNode base() {
        ObjectNode chunk = Replies.JSON.createObjectNode();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", model);
        chunk.put("system_fingerprint", FINGERPRINT);
        return chunk;
    }
}
