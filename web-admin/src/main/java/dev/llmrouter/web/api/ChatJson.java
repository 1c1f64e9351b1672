package dev.llmrouter.web.api;

import dev.llmrouter.chat.ChatResult;
import dev.llmrouter.chat.RoutingReceipt;
import dev.llmrouter.chat.Usage;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** OpenAI's chat.completion and chat.completion.chunk shapes. */
final class ChatJson {

    private ChatJson() {
    }

    static String completionId(String requestId) {
        return "chatcmpl-" + requestId;
    }

    static JsonObject completion(ChatResult result) {
        RoutingReceipt receipt = result.receipt();
        JsonObjectBuilder message = Json.createObjectBuilder()
                .add("role", "assistant")
                .add("content", result.content());
        JsonObjectBuilder choice = Json.createObjectBuilder()
                .add("index", 0)
                .add("message", message)
                .addNull("logprobs")
                .add("finish_reason", result.finishReason());
        return Json.createObjectBuilder()
                .add("id", completionId(receipt.requestId()))
                .add("object", "chat.completion")
                .add("created", result.createdEpochSeconds())
                .add("model", receipt.model())
                .add("choices", Json.createArrayBuilder().add(choice))
                .add("usage", usage(result.usage()))
                .build();
    }

    static JsonObject chunk(RoutingReceipt receipt, long created, JsonObjectBuilder delta, String finishReason,
                            boolean withUsageField) {
        JsonObjectBuilder choice = Json.createObjectBuilder().add("index", 0).add("delta", delta).addNull("logprobs");
        if (finishReason == null) {
            choice.addNull("finish_reason");
        } else {
            choice.add("finish_reason", finishReason);
        }
        JsonObjectBuilder chunk = chunkEnvelope(receipt, created, Json.createArrayBuilder().add(choice));
        if (withUsageField) {
            chunk.addNull("usage");
        }
        return chunk.build();
    }

    static JsonObject usageChunk(RoutingReceipt receipt, long created, Usage usage) {
        return chunkEnvelope(receipt, created, Json.createArrayBuilder()).add("usage", usage(usage)).build();
    }

    static JsonObject streamError(String code, String message) {
        return Json.createObjectBuilder()
                .add("error", Json.createObjectBuilder()
                        .add("message", message)
                        .add("type", "upstream_error")
                        .addNull("param")
                        .add("code", code))
                .build();
    }

    private static JsonObjectBuilder chunkEnvelope(RoutingReceipt receipt, long created, JsonArrayBuilder choices) {
        return Json.createObjectBuilder()
                .add("id", completionId(receipt.requestId()))
                .add("object", "chat.completion.chunk")
                .add("created", created)
                .add("model", receipt.model())
                .add("choices", choices);
    }

    private static JsonObjectBuilder usage(Usage usage) {
        return Json.createObjectBuilder()
                .add("prompt_tokens", usage.promptTokens())
                .add("completion_tokens", usage.completionTokens())
                .add("total_tokens", usage.totalTokens());
    }
}
