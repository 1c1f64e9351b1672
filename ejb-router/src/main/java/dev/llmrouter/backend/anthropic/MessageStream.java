package dev.llmrouter.backend.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.llmrouter.backend.RetriableBackendException;
import dev.llmrouter.backend.TokenSink;
import dev.llmrouter.chat.Usage;

/**
 * What one Messages stream has delivered so far. Anthropic splits usage over two events: input
 * tokens in {@code message_start}, the running output count in {@code message_delta}.
 */
final class MessageStream {

    private final String backendId;
    private final TokenSink sink;
    private final StringBuilder content = new StringBuilder();
    private String stopReason;
    private int inputTokens;
    private int outputTokens;
    private boolean stopped;

    MessageStream(String backendId, TokenSink sink) {
        this.backendId = backendId;
        this.sink = sink;
    }

    /** Takes one event; false once {@code message_stop} has arrived and nothing more is expected. */
    boolean accept(String event, String data) {
        AnthropicWire.Event parsed = parse(data);
        String type = parsed.type() != null ? parsed.type() : event;
        switch (type) {
            case "message_start" -> {
                if (parsed.message() != null && parsed.message().usage() != null) {
                    inputTokens = Tokens.believable(parsed.message().usage().inputTokens());
                    outputTokens = Tokens.believable(parsed.message().usage().outputTokens());
                }
            }
            case "content_block_delta" -> {
                AnthropicWire.Delta delta = parsed.delta();
                if (delta != null && "text_delta".equals(delta.type()) && delta.text() != null
                        && !delta.text().isEmpty()) {
                    content.append(delta.text());
                    sink.accept(delta.text());
                }
            }
            case "message_delta" -> {
                if (parsed.delta() != null && parsed.delta().stopReason() != null) {
                    stopReason = parsed.delta().stopReason();
                }
                if (parsed.usage() != null) {
                    if (parsed.usage().inputTokens() != null) {
                        inputTokens = Tokens.believable(parsed.usage().inputTokens());
                    }
                    outputTokens = Tokens.believable(parsed.usage().outputTokens());
                }
            }
            case "message_stop" -> {
                stopped = true;
                return false;
            }
            case "error" -> {
                // Anthropic reports overload and internal errors this way once the 200 has been sent.
                String what = parsed.error() == null ? data : parsed.error().type() + ": " + parsed.error().message();
                throw new RetriableBackendException(backendId + ": error in stream: " + what, 200, false, null);
            }
            default -> {
                // ping, content_block_start/stop, and event types added after this adapter was written.
            }
        }
        return true;
    }

    boolean stopped() {
        return stopped;
    }

    String content() {
        return content.toString();
    }

    String finishReason() {
        return MessagesRequest.finishReason(stopReason);
    }

    Usage usage() {
        return new Usage(inputTokens, outputTokens);
    }

    private AnthropicWire.Event parse(String data) {
        try {
            return AnthropicWire.JSON.readValue(data, AnthropicWire.Event.class);
        } catch (JsonProcessingException e) {
            throw new RetriableBackendException(backendId + ": malformed event from upstream", 200, false, e);
        }
    }
}
