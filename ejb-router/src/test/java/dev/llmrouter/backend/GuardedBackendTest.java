package dev.llmrouter.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.chat.ChatMessage;
import dev.llmrouter.chat.ChatRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GuardedBackendTest {

    private static final ChatRequest REQUEST = ChatRequest.builder().message(ChatMessage.user("hi")).build();

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** Quick retries, a breaker that needs many failures, room for everyone: each test narrows one knob. */
    private static Settings settings() {
        return new Settings();
    }

    private static final class Settings {
        int maxAttempts = 3;
        Duration backoff = Duration.ofMillis(2);
        Duration maxRetryAfter = Duration.ofSeconds(5);
        int window = 100;
        int minimumCalls = 100;
        Duration open = Duration.ofSeconds(30);
        int halfOpen = 1;
        int concurrency = 8;
        int queue = 8;
        Duration maxWait = Duration.ofSeconds(5);

        GuardSettings build() {
            return new GuardSettings(maxAttempts, backoff, Duration.ofMillis(1), maxRetryAfter, 100f, window,
                    minimumCalls, open, halfOpen, concurrency, queue, maxWait);
        }
    }

    private static GuardedBackend guard(ScriptedBackend backend, Settings settings) {
        return new GuardedBackend(backend, settings.build());
    }

    @Test
    void retriesARetriableFailureUpToMaxAttempts() {
        ScriptedBackend upstream = new ScriptedBackend().then(ScriptedBackend.failing(ScriptedBackend.unavailable()),
                ScriptedBackend.failing(ScriptedBackend.unavailable()), ScriptedBackend.failing(ScriptedBackend.unavailable()));

        RetriableBackendException e = assertThrows(RetriableBackendException.class,
                () -> guard(upstream, settings()).chat(REQUEST));

        assertEquals(3, upstream.calls());
        assertEquals(503, e.upstreamStatus());
        assertTrue(e.getMessage().endsWith("(after 3 attempts)"), e.getMessage());
    }

    @Test
    void aRetryThatSucceedsAnswers() {
        ScriptedBackend upstream = new ScriptedBackend().then(ScriptedBackend.failing(ScriptedBackend.unavailable()));

        BackendReply reply = guard(upstream, settings()).chat(REQUEST);

        assertEquals(ScriptedBackend.OK.content(), reply.content());
        assertEquals(2, reply.attempts(), "the reply says how many attempts it took");
        assertEquals(2, upstream.calls());
    }

    @Test
    void aNonRetriableFailureIsNotRetried() {
        NonRetriableBackendException badRequest = new NonRetriableBackendException("HTTP 400", 400, null);
        ScriptedBackend upstream = new ScriptedBackend().then(ScriptedBackend.failing(badRequest));

        assertSame(badRequest, assertThrows(NonRetriableBackendException.class,
                () -> guard(upstream, settings()).chat(REQUEST)));
        assertEquals(1, upstream.calls());
    }

    @Test
    void aStreamIsRetriedWhileNothingReachedTheClient() {
        ScriptedBackend upstream = new ScriptedBackend().then(ScriptedBackend.failing(ScriptedBackend.unavailable()));
        List<String> received = new ArrayList<>();

        guard(upstream, settings()).stream(REQUEST, received::add);

        assertEquals(2, upstream.calls());
    }

    @Test
    void aStreamIsNotRetriedAfterTheFirstText() {
        RetriableBackendException broke = new RetriableBackendException("broke mid-stream", 200, false, null);
        ScriptedBackend upstream = new ScriptedBackend().then(sink -> {
            sink.accept("Once upon");
            throw broke;
        });
        List<String> received = new ArrayList<>();

        RetriableBackendException e = assertThrows(RetriableBackendException.class,
                () -> guard(upstream, settings()).stream(REQUEST, received::add));

        assertSame(broke, e);
        assertEquals(1, upstream.calls());
        assertEquals(List.of("Once upon"), received);
    }

    @Test
    void retryAfterIsWaitedBeforeTheRetry() {
        Duration asked = Duration.ofMillis(300);
        ScriptedBackend upstream = new ScriptedBackend().then(ScriptedBackend.failing(
                new RetriableBackendException("HTTP 429", 429, false, asked, null)));
        long start = System.nanoTime();

        guard(upstream, settings()).chat(REQUEST);

        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(2, upstream.calls());
        assertTrue(waited >= 290, "waited " + waited + " ms");
        assertTrue(waited < 3_000, "waited " + waited + " ms");
    }

    @Test
    void retryAfterIsCapped() {
        Settings settings = settings();
        settings.maxRetryAfter = Duration.ofMillis(20);
        ScriptedBackend upstream = new ScriptedBackend().then(ScriptedBackend.failing(
                new RetriableBackendException("HTTP 429", 429, false, Duration.ofSeconds(60), null)));
        long start = System.nanoTime();

        guard(upstream, settings).chat(REQUEST);

        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(2, upstream.calls());
        assertTrue(waited >= 15 && waited < 5_000, "waited " + waited + " ms");
    }

    @Test
    void theBreakerOpensAfterFailuresAndRefusesWithoutCalling() {
        Settings settings = settings();
        settings.maxAttempts = 1;
        settings.window = 4;
        settings.minimumCalls = 4;
        ScriptedBackend upstream = new ScriptedBackend();
        for (int i = 0; i < 4; i++) {
            upstream.then(ScriptedBackend.failing(ScriptedBackend.unavailable()));
        }
        GuardedBackend guarded = guard(upstream, settings);
        for (int i = 0; i < 4; i++) {
            assertThrows(RetriableBackendException.class, () -> guarded.chat(REQUEST));
        }
        assertEquals("OPEN", guarded.load().breakerState());

        BackendUnavailableException refused = assertThrows(BackendUnavailableException.class,
                () -> guarded.chat(REQUEST));

        assertEquals(BackendUnavailableException.CIRCUIT_OPEN, refused.code());
        assertEquals(4, upstream.calls(), "an open breaker does not reach the upstream");
    }

    @Test
    void clientErrorsDoNotOpenTheBreaker() {
        Settings settings = settings();
        settings.window = 2;
        settings.minimumCalls = 2;
        ScriptedBackend upstream = new ScriptedBackend();
        GuardedBackend guarded = guard(upstream, settings);
        for (int i = 0; i < 3; i++) {
            upstream.then(ScriptedBackend.failing(new NonRetriableBackendException("HTTP 400", 400, null)));
            assertThrows(NonRetriableBackendException.class, () -> guarded.chat(REQUEST));
        }

        assertEquals("CLOSED", guarded.load().breakerState());
        assertSame(ScriptedBackend.OK, guarded.chat(REQUEST));
    }

    @Test
    void anOpenBreakerHalfOpensAndASuccessClosesIt() {
        Settings settings = settings();
        settings.maxAttempts = 1;
        settings.window = 2;
        settings.minimumCalls = 2;
        settings.open = Duration.ofMillis(100);
        ScriptedBackend upstream = new ScriptedBackend().then(ScriptedBackend.failing(ScriptedBackend.unavailable()),
                ScriptedBackend.failing(ScriptedBackend.unavailable()));
        GuardedBackend guarded = guard(upstream, settings);
        assertThrows(RetriableBackendException.class, () -> guarded.chat(REQUEST));
        assertThrows(RetriableBackendException.class, () -> guarded.chat(REQUEST));
        assertEquals("OPEN", guarded.load().breakerState());
        long openedAt = System.nanoTime();

        BackendReply reply = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (reply == null && System.nanoTime() < deadline) {
            try {
                reply = guarded.chat(REQUEST);
            } catch (BackendUnavailableException stillOpen) {
                Thread.onSpinWait();
            }
        }

        assertSame(ScriptedBackend.OK, reply);
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - openedAt) >= 90, "stayed open for its duration");
        assertEquals(3, upstream.calls(), "only the half-open trial call reached the upstream");
        assertEquals("CLOSED", guarded.load().breakerState());
    }

    @Test
    void theLoadTellsHowLongTheCallsInFlightHaveRun() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ScriptedBackend.Step blocked = sink -> {
            await(release);
            return ScriptedBackend.OK;
        };
        ScriptedBackend upstream = new ScriptedBackend().then(blocked);
        GuardedBackend guarded = guard(upstream, settings());
        assertEquals(0, guarded.load().runningAtLeastMs(), "nothing in flight");

        Future<BackendReply> call = pool.submit(() -> guarded.chat(REQUEST));
        poll(() -> guarded.load().inFlight() == 1);
        TimeUnit.MILLISECONDS.sleep(120);
        long running = guarded.load().runningAtLeastMs();
        release.countDown();

        assertTrue(running >= 120, "ran " + running + " ms");
        assertSame(ScriptedBackend.OK, call.get(5, TimeUnit.SECONDS));
        poll(() -> guarded.load().inFlight() == 0);
        assertEquals(0, guarded.load().runningAtLeastMs(), "the finished call no longer counts");
    }

    @Test
    void theBulkheadLimitsConcurrencyQueuesAndRefusesWhenTheQueueIsFull() throws Exception {
        Settings settings = settings();
        settings.concurrency = 1;
        settings.queue = 1;
        CountDownLatch release = new CountDownLatch(1);
        ScriptedBackend.Step blocked = sink -> {
            await(release);
            return ScriptedBackend.OK;
        };
        ScriptedBackend upstream = new ScriptedBackend().then(blocked, blocked);
        GuardedBackend guarded = guard(upstream, settings);

        Future<BackendReply> first = pool.submit(() -> guarded.chat(REQUEST));
        poll(() -> guarded.load().inFlight() == 1);
        Future<BackendReply> second = pool.submit(() -> guarded.chat(REQUEST));
        poll(() -> guarded.load().waiting() == 1);
        BackendLoad busy = guarded.load();

        BackendUnavailableException refused = assertThrows(BackendUnavailableException.class,
                () -> guarded.chat(REQUEST));
        release.countDown();

        assertEquals(BackendUnavailableException.BULKHEAD_FULL, refused.code());
        assertEquals(new BackendLoad(upstream.id(), 1, 1, 1, 1, "CLOSED", Residency.NOT_APPLICABLE,
                busy.runningAtLeastMs()), busy);
        assertEquals(2, busy.queueLength());
        assertSame(ScriptedBackend.OK, first.get(5, TimeUnit.SECONDS));
        assertSame(ScriptedBackend.OK, second.get(5, TimeUnit.SECONDS));
        assertEquals(2, upstream.calls(), "the refused call never reached the upstream");
        assertEquals(1, upstream.maxConcurrent());
        assertEquals(0, guarded.load().inFlight());
        assertEquals(0, guarded.load().waiting());
        assertEquals("CLOSED", guarded.load().breakerState(), "refusals are not upstream failures");
    }

    @Test
    void aCallWaitingTooLongForASlotIsRefused() throws Exception {
        Settings settings = settings();
        settings.concurrency = 1;
        settings.queue = 4;
        settings.maxWait = Duration.ofMillis(50);
        CountDownLatch release = new CountDownLatch(1);
        ScriptedBackend upstream = new ScriptedBackend().then(sink -> {
            await(release);
            return ScriptedBackend.OK;
        });
        GuardedBackend guarded = guard(upstream, settings);
        Future<BackendReply> first = pool.submit(() -> guarded.chat(REQUEST));
        poll(() -> guarded.load().inFlight() == 1);

        try {
            BackendUnavailableException refused = assertThrows(BackendUnavailableException.class,
                    () -> guarded.chat(REQUEST));
            assertEquals(BackendUnavailableException.BULKHEAD_FULL, refused.code());
        } finally {
            release.countDown();
        }
        first.get(5, TimeUnit.SECONDS);
        assertEquals(1, upstream.calls());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void poll(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.onSpinWait();
        }
    }
}
