package dev.llmrouter.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaModel;
import dev.langchain4j.model.ollama.OllamaModels;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.ollama.RunningOllamaModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.data.message.UserMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client the router really uses must work against the simulator unchanged. */
class LangChain4jOllamaTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static SimulatedUpstream upstream;

    @BeforeAll
    static void start() {
        upstream = SimulatedUpstream.start("127.0.0.1", 0, new SimulatorProfile(0, 5000, 12),
                new SimulatorProfile(0, 5000, 12));
    }

    @AfterAll
    static void stop() {
        upstream.close();
    }

    @Test
    void chatModelReadsAnswerUsageAndFinishReason() {
        OllamaChatModel model = OllamaChatModel.builder()
                .baseUrl(upstream.ollamaBaseUri().toString())
                .modelName("sim-local")
                .timeout(TIMEOUT)
                .maxRetries(0)
                .build();

        ChatResponse response = model.chat(ChatRequest.builder()
                .messages(UserMessage.from("What is an upstream?"))
                .build());

        assertTrue(response.aiMessage().text().startsWith("[simulated sim-local] Here is a simulated answer to: What"));
        assertEquals(12, response.tokenUsage().outputTokenCount());
        assertEquals((int) Math.ceil("What is an upstream?".length() / 4.0) + 3, response.tokenUsage().inputTokenCount());
        assertEquals(FinishReason.STOP, response.finishReason());
    }

    @Test
    void streamingChatModelReassemblesTheStream() throws Exception {
        OllamaStreamingChatModel model = OllamaStreamingChatModel.builder()
                .baseUrl(upstream.ollamaBaseUri().toString())
                .modelName("sim-local")
                .timeout(TIMEOUT)
                .build();
        StringBuilder partials = new StringBuilder();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        model.chat("Stream me something [[sim tokens=20]]", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {
                partials.append(partialResponse);
            }

            @Override
            public void onCompleteResponse(ChatResponse completeResponse) {
                done.complete(completeResponse);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response = done.get(10, TimeUnit.SECONDS);

        assertEquals(response.aiMessage().text(), partials.toString());
        assertEquals(20, response.tokenUsage().outputTokenCount());
        assertEquals(FinishReason.STOP, response.finishReason());
    }

    @Test
    void upstreamErrorSurfacesAsAnException() {
        OllamaChatModel model = OllamaChatModel.builder()
                .baseUrl(upstream.ollamaBaseUri().toString())
                .modelName("sim-local")
                .timeout(TIMEOUT)
                .maxRetries(0)
                .build();

        RuntimeException error = assertThrows(RuntimeException.class,
                () -> model.chat("Hi [[sim status=503 tag=l4j-503]]"));

        assertTrue(String.valueOf(error.getMessage()).contains("simulated upstream error"), error.toString());
        assertEquals(1, upstream.calls("l4j-503"));
    }

    @Test
    void modelListingsParse() {
        OllamaModels models = OllamaModels.builder()
                .baseUrl(upstream.ollamaBaseUri().toString())
                .timeout(TIMEOUT)
                .build();

        List<OllamaModel> available = models.availableModels().content();
        List<RunningOllamaModel> running = models.runningModels().content();

        assertEquals("sim-local:latest", available.get(0).getName());
        assertEquals("gguf", available.get(0).getDetails().getFormat());
        assertEquals("sim-local:latest", running.get(0).getName());
        assertTrue(running.get(0).getExpiresAt() != null);
    }
}
