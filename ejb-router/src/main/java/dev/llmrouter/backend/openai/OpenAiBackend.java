package dev.llmrouter.backend.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;

/** One model behind an OpenAI-compatible chat-completions endpoint. */
class OpenAiBackend extends AbstractInferenceBackend {

    /** Token counts above this are not believable for one call and are treated as missing. */
    private static final int MAX_BELIEVABLE_TOKENS = 10_000_000;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final OpenAiClient client;

    OpenAiBackend(BackendDefinition definition, OpenAiClient client) {
        super(definition);
        this.client = client;
    }

    private String authorization() {
        String key = definition.apiKey();
        return key == null || key.isBlank() ? null : "Bearer " + key;
    }

    @Override
    protected BackendReply doChat(ChatRequest request) throws IOException {
        try (Response response = client.chatCompletions(authorization(), MediaType.APPLICATION_JSON,
                body(request, false))) {
            String text = response.readEntity(String.class);
            failOnError(response, text);
            OpenAiWire.Response parsed = parse(text);
            if (parsed.choices() == null || parsed.choices().isEmpty() || parsed.choices().get(0).message() == null) {
                throw new RetriableBackendException(id() + ": answer without choices", response.getStatus(), false, null);
            }
            OpenAiWire.Choice choice = parsed.choices().get(0);
            return new BackendReply(choice.message().content(), choice.finishReason(), usage(parsed.usage()), 0, 0);
        }
    }

    @Override
    protected BackendReply doStream(ChatRequest request, TokenSink sink) throws IOException {
        try (Response response = client.chatCompletions(authorization(), MediaType.SERVER_SENT_EVENTS,
                body(request, true))) {
            if (response.getStatus() >= 300) {
                failOnError(response, response.readEntity(String.class));
            }
            StreamState state = new StreamState();
            try (InputStream in = response.readEntity(InputStream.class)) {
                SseReader.read(in, (event, data) -> state.accept(event, data, sink));
            }
            if (!state.done) {
                throw new RetriableBackendException(id() + ": stream ended without [DONE]", 200, false, null);
            }
            return new BackendReply(state.content.toString(), state.finishReason, state.usage, 0, 0);
        }
    }

    /** What a stream has delivered so far. */
    private final class StreamState {
        final StringBuilder content = new StringBuilder();
        String finishReason;
        Usage usage = Usage.NONE;
        boolean done;

        boolean accept(String event, String data, TokenSink sink) {
            if ("[DONE]".equals(data.strip())) {
                done = true;
                return false;
            }
            OpenAiWire.Response chunk = parse(data);
            if ("error".equals(event) || chunk.error() != null) {
                String message = chunk.error() == null ? data : chunk.error().message();
                throw new RetriableBackendException(id() + ": error in stream: " + message, 200, false, null);
            }
            if (chunk.usage() != null) {
                usage = usage(chunk.usage());
            }
            for (OpenAiWire.Choice choice : chunk.choices() == null ? List.<OpenAiWire.Choice>of() : chunk.choices()) {
                if (choice.delta() != null && choice.delta().content() != null && !choice.delta().content().isEmpty()) {
                    content.append(choice.delta().content());
                    sink.accept(choice.delta().content());
                }
                if (choice.finishReason() != null) {
                    finishReason = choice.finishReason();
                }
            }
            return true;
        }
    }

    @Override
    public BackendHealth probe() {
        try (Response response = client.models(authorization())) {
            int status = response.getStatus();
            return status < 300 ? BackendHealth.up("HTTP " + status) : BackendHealth.down("HTTP " + status);
        } catch (RuntimeException e) {
            return BackendHealth.down(normalise(e).getMessage());
        }
    }

    private String body(ChatRequest request, boolean stream) throws JsonProcessingException {
        List<OpenAiWire.Message> messages = request.messages().stream()
                .map(m -> new OpenAiWire.Message(m.role(), m.content()))
                .toList();
        return JSON.writeValueAsString(new OpenAiWire.Request(
                definition.upstreamModel(), messages, request.temperature(), request.topP(), request.maxTokens(),
                request.stop().isEmpty() ? null : request.stop(), request.seed(), request.user(),
                stream ? Boolean.TRUE : null, stream ? new OpenAiWire.StreamOptions(true) : null));
    }

    private void failOnError(Response response, String body) {
        int status = response.getStatus();
        if (status < 300) {
            return;
        }
        String detail = null;
        try {
            OpenAiWire.ErrorEnvelope envelope = JSON.readValue(body, OpenAiWire.ErrorEnvelope.class);
            detail = envelope.error() == null ? null : envelope.error().message();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // A non-JSON error page: the status alone says enough.
        }
        throw forStatus(status, detail, retryAfter(response.getHeaderString("Retry-After")));
    }

    private OpenAiWire.Response parse(String text) {
        try {
            return JSON.readValue(text, OpenAiWire.Response.class);
        } catch (JsonProcessingException e) {
            throw new RetriableBackendException(id() + ": malformed JSON from upstream", 200, false, e);
        }
    }

    private static Usage usage(OpenAiWire.UsageCounts counts) {
        if (counts == null) {
            return Usage.NONE;
        }
        return new Usage(believable(counts.promptTokens()), believable(counts.completionTokens()));
    }

    private static int believable(Integer count) {
        return count == null || count < 0 || count > MAX_BELIEVABLE_TOKENS ? 0 : count;
    }
}
