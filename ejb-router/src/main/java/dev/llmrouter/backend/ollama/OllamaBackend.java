package dev.llmrouter.backend.ollama;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import dev.langchain4j.model.ollama.OllamaModel;
import dev.langchain4j.model.ollama.OllamaModels;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.llmrouter.backend.AbstractInferenceBackend;
import dev.llmrouter.backend.BackendDefinition;
import dev.llmrouter.backend.BackendException;
import dev.llmrouter.backend.BackendHealth;
import dev.llmrouter.backend.BackendReply;
import dev.llmrouter.backend.Residency;
import dev.llmrouter.backend.RetriableBackendException;
import dev.llmrouter.backend.TokenSink;
import dev.llmrouter.chat.ChatMessage;
import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.chat.Usage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** One Ollama model. langchain4j's own retries are off: the router owns the single retry layer. */
class OllamaBackend extends AbstractInferenceBackend {

    private final OllamaChatModel chatModel;
    private final OllamaStreamingChatModel streamingModel;
    private final OllamaModels models;
    private final ResidencyMonitor residency;

    /** With its own residency monitor that polls on the caller's thread (tests). */
    OllamaBackend(BackendDefinition definition) {
        this(definition, null);
    }

    /** @param residency the monitor of this backend's server, shared by every model on it; null for a private one */
    OllamaBackend(BackendDefinition definition, ResidencyMonitor residency) {
        super(definition);
        String baseUrl = definition.baseUri().toString();
        this.chatModel = OllamaChatModel.builder()
                .httpClientBuilder(httpClient(definition))
                .baseUrl(baseUrl)
                .modelName(definition.upstreamModel())
                .timeout(definition.readTimeout())
                .maxRetries(0)
                .build();
        this.streamingModel = OllamaStreamingChatModel.builder()
                .httpClientBuilder(httpClient(definition))
                .baseUrl(baseUrl)
                .modelName(definition.upstreamModel())
                .timeout(definition.readTimeout())
                .build();
        this.models = modelsClient(definition);
        this.residency = residency != null ? residency
                : ResidencyMonitor.of(models, Runnable::run, OllamaBackendFactory.DEFAULT_PS_INTERVAL);
    }

    /** An OllamaModels client for the server's model lists ({@code /api/tags}, {@code /api/ps}). */
    static OllamaModels modelsClient(BackendDefinition definition) {
        return OllamaModels.builder()
                .httpClientBuilder(httpClient(definition))
                .baseUrl(definition.baseUri().toString())
                .timeout(definition.connectTimeout())
                .maxRetries(0)
                .build();
    }

    private static JdkHttpClientBuilder httpClient(BackendDefinition definition) {
        return JdkHttpClient.builder()
                .connectTimeout(definition.connectTimeout())
                .readTimeout(definition.readTimeout());
    }

    @Override
    protected BackendReply doChat(ChatRequest request) {
        BackendReply reply = reply(chatModel.chat(toLangchain(request)));
        residency.used(definition.upstreamModel());
        return reply;
    }

    /** From the server's last {@code /api/ps}; never waits for the network. */
    @Override
    public Residency residency() {
        return residency.residency(definition.upstreamModel());
    }

    @Override
    protected BackendReply doStream(ChatRequest request, TokenSink sink) throws InterruptedException {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        AtomicLong lastActivity = new AtomicLong(System.nanoTime());
        AtomicReference<StreamingHandle> handle = new AtomicReference<>();
        streamingModel.chat(toLangchain(request), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                handle.compareAndSet(null, context.streamingHandle());
                lastActivity.set(System.nanoTime());
                if (done.isDone()) {
                    return;
                }
                try {
                    sink.accept(partial.text());
                } catch (RuntimeException e) {
                    // Nobody is listening any more: stop the model instead of letting it run on.
                    context.streamingHandle().cancel();
                    done.completeExceptionally(e);
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        try {
            BackendReply reply = reply(awaitWithIdleTimeout(done, lastActivity, handle));
            residency.used(definition.upstreamModel());
            return reply;
        } catch (ExecutionException e) {
            throw normalise(e.getCause());
        }
    }

    /**
     * The client library's read timeout ends at the response headers, so a stream that stalls (or
     * that the library cannot parse) would hold the caller forever: time out on silence instead,
     * with the time-to-first-token limit until the first piece and the idle limit after it.
     */
    private ChatResponse awaitWithIdleTimeout(CompletableFuture<ChatResponse> done, AtomicLong lastActivity,
                                              AtomicReference<StreamingHandle> handle)
            throws InterruptedException, ExecutionException {
        while (true) {
            boolean started = handle.get() != null;
            Duration limit = started ? definition.readTimeout() : definition.ttftTimeout();
            long remaining = limit.toNanos() - (System.nanoTime() - lastActivity.get());
            if (remaining <= 0) {
                StreamingHandle h = handle.get();
                if (h != null) {
                    h.cancel();
                }
                done.cancel(true);
                throw new RetriableBackendException(id() + (started ? ": stream idle for " : ": no first token within ")
                        + limit.toMillis() + " ms", 0, true, null);
            }
            try {
                return done.get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // Loop: tokens may have arrived meanwhile and moved the deadline.
            }
        }
    }

    @Override
    public BackendHealth probe() {
        try {
            List<OllamaModel> available = models.availableModels().content();
            String wanted = definition.upstreamModel();
            // Ollama lists an untagged model under its implicit ":latest" tag.
            boolean present = available.stream()
                    .anyMatch(m -> wanted.equals(m.getName()) || (wanted + ":latest").equals(m.getName()));
            return present
                    ? BackendHealth.up("model " + definition.upstreamModel() + " available")
                    : BackendHealth.down("model " + definition.upstreamModel() + " not pulled");
        } catch (RuntimeException e) {
            return BackendHealth.down("Ollama unreachable: " + normalise(e).getMessage());
        }
    }

    @Override
    protected BackendException normalise(Throwable e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof HttpException http) {
                return forStatus(http.statusCode(), http.getMessage());
            }
            if (t instanceof dev.langchain4j.exception.TimeoutException) {
                return new RetriableBackendException(id() + ": timed out", 0, true, e);
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return super.normalise(e);
    }

    private dev.langchain4j.model.chat.request.ChatRequest toLangchain(ChatRequest request) {
        List<dev.langchain4j.data.message.ChatMessage> messages = request.messages().stream()
                .map(OllamaBackend::toLangchain)
                .toList();
        OllamaChatRequestParameters.Builder parameters = OllamaChatRequestParameters.builder()
                .temperature(request.temperature())
                .topP(request.topP())
                .maxOutputTokens(request.maxTokens());
        if (!request.stop().isEmpty()) {
            parameters.stopSequences(request.stop());
        }
        if (request.seed() != null) {
            parameters.seed((int) (long) request.seed());
        }
        return dev.langchain4j.model.chat.request.ChatRequest.builder()
                .messages(messages)
                .parameters(parameters.build())
                .build();
    }

    private static dev.langchain4j.data.message.ChatMessage toLangchain(ChatMessage message) {
        return switch (message.role()) {
            case ChatMessage.SYSTEM, "developer" -> SystemMessage.from(message.content());
            case ChatMessage.ASSISTANT -> AiMessage.from(message.content());
            default -> UserMessage.from(message.content());
        };
    }

    private BackendReply reply(ChatResponse response) {
        String text = response.aiMessage() == null ? "" : response.aiMessage().text();
        TokenUsage usage = response.tokenUsage();
        Usage counted = usage == null ? Usage.NONE
                : new Usage(nonNegative(usage.inputTokenCount()), nonNegative(usage.outputTokenCount()));
        return new BackendReply(text, finishReason(response.finishReason()), counted, 0, 0);
    }

    private static int nonNegative(Integer count) {
        return count == null || count < 0 ? 0 : count;
    }

    private static String finishReason(FinishReason reason) {
        if (reason == null) {
            return "stop";
        }
        return switch (reason) {
            case LENGTH -> "length";
            case TOOL_EXECUTION -> "tool_calls";
            case CONTENT_FILTER -> "content_filter";
            default -> "stop";
        };
    }
}
