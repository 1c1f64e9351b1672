package dev.llmrouter.backend.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.llmrouter.backend.AbstractInferenceBackend;
import dev.llmrouter.backend.BackendDefinition;
import dev.llmrouter.backend.BackendHealth;
import dev.llmrouter.backend.BackendReply;
import dev.llmrouter.backend.RetriableBackendException;
import dev.llmrouter.backend.TokenSink;
import dev.llmrouter.backend.internal.SseReader;
import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.chat.Usage;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/** One Claude model behind Anthropic's Messages API. */
class AnthropicBackend extends AbstractInferenceBackend {

    private final AnthropicClient client;
    private final int defaultMaxTokens;

    AnthropicBackend(BackendDefinition definition, AnthropicClient client, int defaultMaxTokens) {
        super(definition);
        this.client = client;
        this.defaultMaxTokens = defaultMaxTokens;
    }

    @Override
    protected BackendReply doChat(ChatRequest request) throws IOException {
        try (Response response = client.messages(definition.apiKey(), AnthropicClient.VERSION,
                MediaType.APPLICATION_JSON, body(request, false))) {
            String text = response.readEntity(String.class);
            failOnError(response, text);
            AnthropicWire.Response parsed = parse(text);
            if (parsed.content() == null) {
                throw new RetriableBackendException(id() + ": answer without content", response.getStatus(), false,
                        null);
            }
            StringBuilder content = new StringBuilder();
            // Only text blocks carry an answer the router can relay; tool_use and thinking blocks are skipped.
            parsed.content().stream()
                    .filter(block -> "text".equals(block.type()) && block.text() != null)
                    .forEach(block -> content.append(block.text()));
            return new BackendReply(content.toString(), MessagesRequest.finishReason(parsed.stopReason()),
                    usage(parsed.usage()), 0, 0);
        }
    }

    @Override
    protected BackendReply doStream(ChatRequest request, TokenSink sink) throws IOException {
        try (Response response = client.messages(definition.apiKey(), AnthropicClient.VERSION,
                MediaType.SERVER_SENT_EVENTS, body(request, true))) {
            if (response.getStatus() >= 300) {
                failOnError(response, response.readEntity(String.class));
            }
            MessageStream stream = new MessageStream(id(), sink);
            try (InputStream in = response.readEntity(InputStream.class)) {
                SseReader.read(in, stream::accept);
            }
            if (!stream.stopped()) {
                throw new RetriableBackendException(id() + ": stream ended without message_stop", 200, false, null);
            }
            return new BackendReply(stream.content(), stream.finishReason(), stream.usage(), 0, 0);
        }
    }

    @Override
    public BackendHealth probe() {
        try (Response response = client.models(definition.apiKey(), AnthropicClient.VERSION)) {
            int status = response.getStatus();
            return status < 300 ? BackendHealth.up("HTTP " + status) : BackendHealth.down("HTTP " + status);
        } catch (RuntimeException e) {
            return BackendHealth.down(normalise(e).getMessage());
        }
    }

    private String body(ChatRequest request, boolean stream) throws JsonProcessingException {
        return AnthropicWire.JSON.writeValueAsString(
                MessagesRequest.of(request, definition.upstreamModel(), defaultMaxTokens, stream));
    }

    /** 529 (overloaded) and 429 are retriable through {@code forStatus}; 429 carries retry-after. */
    private void failOnError(Response response, String body) {
        int status = response.getStatus();
        if (status < 300) {
            return;
        }
        String detail = null;
        try {
            AnthropicWire.ErrorEnvelope envelope =
                    AnthropicWire.JSON.readValue(body, AnthropicWire.ErrorEnvelope.class);
            detail = envelope.error() == null ? null : envelope.error().type() + ": " + envelope.error().message();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // A non-JSON error page from a proxy: the status alone says enough.
        }
        throw forStatus(status, detail, retryAfter(response.getHeaderString("retry-after")));
    }

    private AnthropicWire.Response parse(String text) {
        try {
            return AnthropicWire.JSON.readValue(text, AnthropicWire.Response.class);
        } catch (JsonProcessingException e) {
            throw new RetriableBackendException(id() + ": malformed JSON from upstream", 200, false, e);
        }
    }

    private static Usage usage(AnthropicWire.UsageCounts counts) {
        if (counts == null) {
            return Usage.NONE;
        }
        return new Usage(Tokens.believable(counts.inputTokens()), Tokens.believable(counts.outputTokens()));
    }
}
