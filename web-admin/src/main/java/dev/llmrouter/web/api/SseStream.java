package dev.llmrouter.web.api;

import dev.llmrouter.chat.ChatResult;
import dev.llmrouter.chat.ChatStreamListener;
import dev.llmrouter.chat.RoutingReceipt;
import dev.llmrouter.idempotency.StoredResponse;
import jakarta.json.Json;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Bridges the router's stream (on a worker thread) to an OpenAI-style SSE response. The HTTP
 * response starts only when a backend has accepted the request, so a failure before that is still
 * an ordinary error status; after it, failures become an SSE error event and no {@code [DONE]}.
 */
final class SseStream implements ChatStreamListener {

    private static final String END = "\u0000end";
    private static final String EVENT_STREAM = "text/event-stream";
    private static final long CLIENT_STALL_SECONDS = 60;

    private final AsyncResponse async;
    private final Executor writer;
    private final boolean includeUsage;
    private final BlockingQueue<String> events = new ArrayBlockingQueue<>(512);
    private final long created = Instant.now().getEpochSecond();
    private volatile boolean clientGone;
    private volatile boolean started;
    private RoutingReceipt receipt;
    /** Every event as written, kept only for requests with an Idempotency-Key (null otherwise). */
    private final StringBuilder transcript;
    private Map<String, String> headers = Map.of();
    private boolean completed;

    SseStream(AsyncResponse async, boolean includeUsage, Executor writer) {
        this(async, includeUsage, writer, false);
    }

    SseStream(AsyncResponse async, boolean includeUsage, Executor writer, boolean keepTranscript) {
        this.async = async;
        this.writer = writer;
        this.includeUsage = includeUsage;
        this.transcript = keepTranscript ? new StringBuilder() : null;
    }

    /**
     * The whole stream as it went out, once it ended with {@code [DONE]}; empty for a stream that failed,
     * was cut off, or kept no transcript. Called on the producer's thread after the router returned.
     */
    Optional<StoredResponse> transcript() {
        if (transcript == null || !completed) {
            return Optional.empty();
        }
        return Optional.of(new StoredResponse(200, EVENT_STREAM, headers, transcript.toString()));
    }

    boolean started() {
        return started;
    }

    @Override
    public void onStart(RoutingReceipt routingReceipt) {
        this.receipt = routingReceipt;
        started = true;
        enqueue(ChatJson.chunk(receipt, created, Json.createObjectBuilder().add("role", "assistant").add("content", ""),
                null, includeUsage).toString());
        Response.ResponseBuilder response = Response.ok((StreamingOutput) this::drain)
                .type(EVENT_STREAM)
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no");
        Response ready = RouterHeaders.receipt(response, receipt).build();
        if (transcript != null) {
            headers = IdempotentReplies.headers(ready.getStringHeaders());
        }
        // resume() writes the response on the calling thread; the producer must stay free to produce.
        writer.execute(() -> {
            if (!async.resume(ready)) {
                clientGone = true;
                events.clear();
            }
        });
    }

    @Override
    public void onText(String text) {
        enqueue(ChatJson.chunk(receipt, created, Json.createObjectBuilder().add("content", text), null, includeUsage)
                .toString());
    }

    @Override
    public void onComplete(ChatResult result) {
        enqueue(ChatJson.chunk(receipt, created, Json.createObjectBuilder(), result.finishReason(), includeUsage)
                .toString());
        if (includeUsage) {
            enqueue(ChatJson.usageChunk(receipt, created, result.usage()).toString());
        }
        enqueue("[DONE]");
        enqueue(END);
        completed = true;
    }

    @Override
    public void onError(String code, String message) {
        enqueue(ChatJson.streamError(code, message).toString());
        enqueue(END);
    }

    /** Ends a stream whose producer failed unexpectedly after it started. */
    void abort(String code, String message) {
        if (!clientGone) {
            onError(code, message);
        }
    }

    private void enqueue(String event) {
        if (transcript != null && !END.equals(event)) {
            transcript.append("data: ").append(event).append("\n\n");
        }
        try {
            if (clientGone || !events.offer(event, CLIENT_STALL_SECONDS, TimeUnit.SECONDS)) {
                clientGone = true;
                throw new IllegalStateException("client is not reading the stream");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while streaming", e);
        }
    }

    private void drain(OutputStream out) throws IOException {
        try {
            while (true) {
                String event = events.poll(CLIENT_STALL_SECONDS * 10, TimeUnit.SECONDS);
                if (event == null || END.equals(event)) {
                    return;
                }
                out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
                if (events.isEmpty()) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            clientGone = true;
            events.clear();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            clientGone = true;
        }
    }
}
