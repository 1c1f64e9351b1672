package dev.llmrouter.backend.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The subset of OpenAI's chat-completion wire format the adapter sends and reads. */
final class OpenAiWire {

    private OpenAiWire() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Request(
            String model,
            List<Message> messages,
            Double temperature,
            @JsonProperty("top_p") Double topP,
            @JsonProperty("max_tokens") Integer maxTokens,
            List<String> stop,
            Long seed,
            String user,
            Boolean stream,
            @JsonProperty("stream_options") StreamOptions streamOptions) {
    }

    record StreamOptions(@JsonProperty("include_usage") boolean includeUsage) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(String role, String content) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Response(String model, List<Choice> choices, UsageCounts usage, Error error) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Choice(Message message, Message delta, @JsonProperty("finish_reason") String finishReason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UsageCounts(@JsonProperty("prompt_tokens") Integer promptTokens,
                       @JsonProperty("completion_tokens") Integer completionTokens) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(String message, String type, String code) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorEnvelope(Error error) {
    }
}
