package dev.llmrouter.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.chat.ChatMessage;
import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.chat.Tier;
import dev.llmrouter.chat.Usage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AbstractInferenceBackendTest {

    private static final ChatRequest REQUEST = ChatRequest.builder().message(ChatMessage.user("hi")).build();
    private static final BackendDefinition DEFINITION = new BackendDefinition("test-backend", "test", Tier.LOCAL,
            URI.create("http://127.0.0.1:1"), "m", null, 0, 0, Duration.ofSeconds(1), Duration.ofSeconds(1), true);

    @FunctionalInterface
    interface ChatAdapter {
        BackendReply chat(ChatRequest request) throws Exception;
    }

    @FunctionalInterface
    interface StreamAdapter {
        BackendReply stream(ChatRequest request, TokenSink sink) throws Exception;
    }

    /** The smallest adapter: its wire protocol is whatever the test says. */
    static final class TestBackend extends AbstractInferenceBackend {
        private final ChatAdapter chat;
        private final StreamAdapter stream;

        TestBackend(ChatAdapter chat, StreamAdapter stream) {
            super(DEFINITION);
            this.chat = chat;
            this.stream = stream;
        }

        static TestBackend chatting(ChatAdapter chat) {
            return new TestBackend(chat, (r, s) -> {
                throw new AssertionError("stream not expected");
            });
        }

        static TestBackend streaming(StreamAdapter stream) {
            return new TestBackend(r -> {
                throw new AssertionError("chat not expected");
            }, stream);
        }

        @Override
        protected BackendReply doChat(ChatRequest request) throws Exception {
            return chat.chat(request);
        }

        @Override
        protected BackendReply doStream(ChatRequest request, TokenSink sink) throws Exception {
            return stream.stream(request, sink);
        }

        @Override
        public BackendHealth probe() {
            return BackendHealth.up("test");
        }
    }

    /** Busy-waits (no sleep) so that a measurable amount of time passes. */
    private static void spin(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void identityComesFromTheDefinition() {
        TestBackend backend = TestBackend.chatting(r -> null);

        assertEquals("test-backend", backend.id());
        assertEquals(Tier.LOCAL, backend.tier());
        assertSame(DEFINITION, backend.definition());
    }

    @Test
    void chatReturnsTheAdapterReplyWithMeasuredTiming() {
        TestBackend backend = TestBackend.chatting(r -> {
            spin(15);
            return new BackendReply("answer", "length", new Usage(3, 4), 999_999, 999_999);
        });

        BackendReply reply = backend.chat(REQUEST);

        assertEquals("answer", reply.content());
        assertEquals("length", reply.finishReason());
        assertEquals(new Usage(3, 4), reply.usage());
        assertTrue(reply.latencyMillis() >= 15 && reply.latencyMillis() < 999_999, "latency " + reply.latencyMillis());
        assertEquals(reply.latencyMillis(), reply.ttftMillis());
    }

    @Test
    void chatNormalisesAnIOExceptionToARetriableFailure() {
        IOException cause = new IOException("connection reset");
        TestBackend backend = TestBackend.chatting(r -> {
            throw cause;
        });

        BackendException e = assertThrows(BackendException.class, () -> backend.chat(REQUEST));

        RetriableBackendException retriable = assertInstanceOf(RetriableBackendException.class, e);
        assertTrue(retriable.isRetriable());
        assertFalse(retriable.isTimeout());
        assertEquals(0, retriable.upstreamStatus());
        assertSame(cause, retriable.getCause());
        assertEquals("test-backend: connection reset", retriable.getMessage());
    }

    @Test
    void chatNormalisesAnHttpTimeoutToARetriableTimeout() {
        TestBackend backend = TestBackend.chatting(r -> {
            throw new HttpTimeoutException("request timed out");
        });

        BackendException e = assertThrows(BackendException.class, () -> backend.chat(REQUEST));

        assertInstanceOf(RetriableBackendException.class, e);
        assertTrue(e.isTimeout());
        assertEquals(0, e.upstreamStatus());
    }

    @Test
    void aTimeoutDeepInTheCauseChainIsStillATimeout() {
        TestBackend backend = TestBackend.chatting(r -> {
            throw new ExecutionException(new UncheckedIOException(new SocketTimeoutException("read timed out")));
        });

        BackendException e = assertThrows(BackendException.class, () -> backend.chat(REQUEST));

        assertTrue(e.isRetriable());
        assertTrue(e.isTimeout());
        assertTrue(e.getMessage().contains("read timed out"), e.getMessage());
    }

    @Test
    void concurrentTimeoutExceptionIsATimeout() {
        TestBackend backend = TestBackend.chatting(r -> {
            throw new TimeoutException();
        });

        BackendException e = assertThrows(BackendException.class, () -> backend.chat(REQUEST));

        assertTrue(e.isTimeout());
        assertEquals("test-backend: TimeoutException", e.getMessage());
    }

    @Test
    void aRefusedConnectionIsRetriableButNoTimeout() {
        TestBackend backend = TestBackend.chatting(r -> {
            throw new RuntimeException(new ConnectException());
        });

        BackendException e = assertThrows(BackendException.class, () -> backend.chat(REQUEST));

        assertTrue(e.isRetriable());
        assertFalse(e.isTimeout());
        assertEquals("test-backend: ConnectException", e.getMessage());
    }

    @Test
    void aBackendExceptionFromTheAdapterPassesUnchanged() {
        NonRetriableBackendException original = new NonRetriableBackendException("bad request", 400, null);
        TestBackend backend = TestBackend.chatting(r -> {
            throw original;
        });

        assertSame(original, assertThrows(BackendException.class, () -> backend.chat(REQUEST)));
    }

    @Test
    void aWrappedBackendExceptionIsUnwrapped() {
        NonRetriableBackendException original = new NonRetriableBackendException("unauthorised", 401, null);
        TestBackend backend = TestBackend.chatting(r -> {
            throw new ExecutionException(new RuntimeException(original));
        });

        assertSame(original, assertThrows(BackendException.class, () -> backend.chat(REQUEST)));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504})
    void retriableStatuses(int status) {
        BackendException e = TestBackend.chatting(r -> null).forStatus(status, "detail");

        assertInstanceOf(RetriableBackendException.class, e);
        assertTrue(e.isRetriable());
        assertEquals(status, e.upstreamStatus());
        assertEquals(status == 408 || status == 504, e.isTimeout());
        assertEquals("test-backend: upstream answered HTTP " + status + ": detail", e.getMessage());
    }

    @Test
    void aThrottledAnswerKeepsTheWaitItAskedFor() {
        BackendException e = TestBackend.chatting(r -> null).forStatus(429, null, Duration.ofSeconds(2));

        assertEquals(java.util.Optional.of(Duration.ofSeconds(2)),
                assertInstanceOf(RetriableBackendException.class, e).retryAfter());
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        assertEquals(Duration.ofSeconds(1), AbstractInferenceBackend.retryAfter(" 1 "));
        assertEquals(Duration.ZERO, AbstractInferenceBackend.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
        Duration future = AbstractInferenceBackend.retryAfter(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(30)));
        assertTrue(future.getSeconds() > 20 && future.getSeconds() <= 30, future.toString());
        assertEquals(null, AbstractInferenceBackend.retryAfter("soon"));
        assertEquals(null, AbstractInferenceBackend.retryAfter("-5"));
        assertEquals(null, AbstractInferenceBackend.retryAfter(null));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 413, 422})
    void nonRetriableStatuses(int status) {
        BackendException e = TestBackend.chatting(r -> null).forStatus(status, null);

        assertInstanceOf(NonRetriableBackendException.class, e);
        assertFalse(e.isRetriable());
        assertFalse(e.isTimeout());
        assertEquals(status, e.upstreamStatus());
        assertEquals("test-backend: upstream answered HTTP " + status, e.getMessage());
    }

    @Test
    void streamPassesTextThroughAndMeasuresTimeToFirstText() {
        List<String> received = new ArrayList<>();
        TestBackend backend = TestBackend.streaming((r, sink) -> {
            sink.accept("Hel");
            spin(20);
            sink.accept("lo");
            return new BackendReply("Hello", null, new Usage(1, 2), 0, 0);
        });

        BackendReply reply = backend.stream(REQUEST, received::add);

        assertEquals(List.of("Hel", "lo"), received);
        assertEquals("Hello", reply.content());
        assertEquals("stop", reply.finishReason());
        assertTrue(reply.latencyMillis() >= 20, "latency " + reply.latencyMillis());
        assertTrue(reply.ttftMillis() >= 0 && reply.ttftMillis() < reply.latencyMillis(),
                "ttft " + reply.ttftMillis() + " latency " + reply.latencyMillis());
    }

    @Test
    void streamWithoutTextUsesTheWholeCallAsTimeToFirstText() {
        TestBackend backend = TestBackend.streaming((r, sink) -> {
            spin(10);
            return new BackendReply("", "stop", Usage.NONE, 0, 0);
        });

        BackendReply reply = backend.stream(REQUEST, text -> { });

        assertTrue(reply.latencyMillis() >= 10);
        assertEquals(reply.latencyMillis(), reply.ttftMillis());
    }

    @Test
    void aFailingSinkComesOutUnchanged() {
        IllegalStateException gone = new IllegalStateException("client went away");
        TestBackend backend = TestBackend.streaming((r, sink) -> {
            sink.accept("one");
            sink.accept("two");
            return new BackendReply("never", null, null, 0, 0);
        });
        List<String> received = new ArrayList<>();

        RuntimeException e = assertThrows(RuntimeException.class, () -> backend.stream(REQUEST, text -> {
            received.add(text);
            if (received.size() == 2) {
                throw gone;
            }
        }));

        assertSame(gone, e);
        assertEquals(List.of("one", "two"), received);
    }

    @Test
    void aSinkFailureThatTheAdapterWrapsStillComesOutUnchanged() {
        IllegalStateException gone = new IllegalStateException("client went away");
        TestBackend backend = TestBackend.streaming((r, sink) -> {
            try {
                sink.accept("x");
            } catch (RuntimeException e) {
                throw new IOException("stream aborted", e);
            }
            return new BackendReply("x", null, null, 0, 0);
        });

        RuntimeException e = assertThrows(RuntimeException.class, () -> backend.stream(REQUEST, text -> {
            throw gone;
        }));

        assertSame(gone, e);
    }

    @Test
    void aBackendExceptionThrownBySinkIsNotMistakenForAnUpstreamFailure() {
        // Even an exception of the backend family, when it came from the sink, is the client's.
        RetriableBackendException fromSink = new RetriableBackendException("sink", 0, false, null);
        TestBackend backend = TestBackend.streaming((r, sink) -> {
            sink.accept("x");
            return new BackendReply("x", null, null, 0, 0);
        });

        assertSame(fromSink, assertThrows(RuntimeException.class, () -> backend.stream(REQUEST, text -> {
            throw fromSink;
        })));
    }

    @Test
    void anAdapterFailureDuringAStreamIsNormalised() {
        List<String> received = new ArrayList<>();
        TestBackend backend = TestBackend.streaming((r, sink) -> {
            sink.accept("partial");
            throw new IOException("connection reset mid-stream");
        });

        BackendException e = assertThrows(BackendException.class, () -> backend.stream(REQUEST, received::add));

        assertInstanceOf(RetriableBackendException.class, e);
        assertFalse(e.isTimeout());
        assertEquals("test-backend: connection reset mid-stream", e.getMessage());
        assertEquals(List.of("partial"), received);
    }

    @Test
    void aStreamTimeoutIsNormalisedToATimeout() {
        TestBackend backend = TestBackend.streaming((r, sink) -> {
            throw new HttpTimeoutException("idle");
        });

        BackendException e = assertThrows(BackendException.class, () -> backend.stream(REQUEST, t -> { }));

        assertTrue(e.isRetriable());
        assertTrue(e.isTimeout());
    }
}
