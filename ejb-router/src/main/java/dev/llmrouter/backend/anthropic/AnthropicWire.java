package dev.llmrouter.backend.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** The subset of Anthropic's Messages wire format the adapter sends and reads. */
final class AnthropicWire {

    /** Anthropic adds fields and event types over time; unknown ones must not break an answer. */
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private AnthropicWire() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Request(
            String model,
            String system,
            List<Message> messages,
            @JsonProperty("max_tokens") int maxTokens,
            Double temperature,
            @JsonProperty("top_p") Double topP,
            @JsonProperty("stop_sequences") List<String> stopSequences,
            Boolean stream) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(String role, String content) {
    }

    /** A whole answer, and also the {@code message} inside a stream's {@code message_start}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Response(String model, List<ContentBlock> content, @JsonProperty("stop_reason") String stopReason,
                    UsageCounts usage) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContentBlock(String type, String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UsageCounts(@JsonProperty("input_tokens") Integer inputTokens,
                       @JsonProperty("output_tokens") Integer outputTokens) {
    }

    /** Any streamed event; which fields are set depends on {@code type}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(String type, Response message, Delta delta, UsageCounts usage, Error error) {
    }

    /** A content block's {@code text_delta}, or a {@code message_delta}'s stop reason. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Delta(String type, String text, @JsonProperty("stop_reason") String stopReason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(String type, String message) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorEnvelope(String type, Error error) {
    }
}
