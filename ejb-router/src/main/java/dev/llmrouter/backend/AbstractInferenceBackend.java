package dev.llmrouter.backend;

import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.chat.Tier;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Does timing and error normalisation once, so adapters only translate the wire protocol in
 * {@link #doChat} and {@link #doStream}.
 */
public abstract class AbstractInferenceBackend implements InferenceBackend {

    protected final BackendDefinition definition;

    protected AbstractInferenceBackend(BackendDefinition definition) {
        this.definition = definition;
    }

    protected abstract BackendReply doChat(ChatRequest request) throws Exception;

    protected abstract BackendReply doStream(ChatRequest request, TokenSink sink) throws Exception;

    @Override
    public final String id() {
        return definition.id();
    }

    @Override
    public final Tier tier() {
        return definition.tier();
    }

    @Override
    public final BackendDefinition definition() {
        return definition;
    }

    @Override
    public final BackendReply chat(ChatRequest request) {
        long start = System.nanoTime();
        try {
            BackendReply reply = doChat(request);
            long elapsed = millisSince(start);
            return reply.timed(elapsed, elapsed);
        } catch (Exception e) {
            throw normalise(e);
        }
    }

    @Override
    public final BackendReply stream(ChatRequest request, TokenSink sink) {
        long start = System.nanoTime();
        AtomicLong firstText = new AtomicLong(-1);
        AtomicReference<RuntimeException> sinkFailure = new AtomicReference<>();
        TokenSink timed = text -> {
            firstText.compareAndSet(-1, millisSince(start));
            try {
                sink.accept(text);
            } catch (RuntimeException e) {
                sinkFailure.compareAndSet(null, e);
                throw e;
            }
        };
        try {
            BackendReply reply = doStream(request, timed);
            long elapsed = millisSince(start);
            return reply.timed(elapsed, firstText.get() < 0 ? elapsed : firstText.get());
        } catch (Exception e) {
            // The receiving side failed (a client went away): that is not the upstream's fault.
            if (sinkFailure.get() != null) {
                throw sinkFailure.get();
            }
            throw normalise(e);
        }
    }

    /** Maps anything an adapter or its client library threw onto the two backend exceptions. */
    protected BackendException normalise(Throwable e) {
        if (e instanceof BackendException be) {
            return be;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && !(root instanceof BackendException)) {
            root = root.getCause();
        }
        if (root instanceof BackendException be) {
            return be;
        }
        String what = id() + ": " + describe(root);
        if (root instanceof HttpTimeoutException || root instanceof TimeoutException
                || root instanceof java.net.SocketTimeoutException) {
            return new RetriableBackendException(what, 0, true, e);
        }
        // Resets, refused connections and unexpected client failures: another backend may still answer.
        return new RetriableBackendException(what, 0, false, e);
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    protected static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }

    /** Maps an upstream HTTP error status onto the exception that says whether a retry can help. */
    protected BackendException forStatus(int status, String detail) {
        return forStatus(status, detail, null);
    }

    /** As {@link #forStatus(int, String)}, keeping the wait a {@code Retry-After} header asked for. */
    protected BackendException forStatus(int status, String detail, Duration retryAfter) {
        String message = id() + ": upstream answered HTTP " + status + (detail == null ? "" : ": " + detail);
        if (status == 408 || status == 409 || status == 429 || status >= 500) {
            return new RetriableBackendException(message, status, status == 408 || status == 504, retryAfter, null);
        }
        return new NonRetriableBackendException(message, status, null);
    }

    /**
     * Reads a {@code Retry-After} header: delay-seconds or an HTTP date (RFC 9110). Null when absent
     * or unreadable, so a garbled header falls back to the configured backoff.
     */
    protected static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(Instant.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
