package dev.llmrouter.backend.ollama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.backend.BackendDefinition;
import dev.llmrouter.backend.BackendException;
import dev.llmrouter.backend.BackendHealth;
import dev.llmrouter.backend.BackendReply;
import dev.llmrouter.backend.InferenceBackend;
import dev.llmrouter.backend.NonRetriableBackendException;
import dev.llmrouter.backend.Residency;
import dev.llmrouter.backend.RetriableBackendException;
import dev.llmrouter.chat.ChatMessage;
import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.chat.Tier;
import dev.llmrouter.simulator.SimulatedUpstream;
import dev.llmrouter.simulator.SimulatorProfile;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Ollama adapter over real HTTP against the in-process simulator. */
class OllamaBackendTest {

    private static final String MODEL = "sim-local";
    private static final Duration LIMIT = Duration.ofSeconds(5);

    private static SimulatedUpstream upstream;
    private static InferenceBackend backend;

    @BeforeAll
    static void start() {
        SimulatorProfile fast = new SimulatorProfile(0, 5000, 12);
        upstream = SimulatedUpstream.start("127.0.0.1", 0, fast, fast, Set.of(MODEL), null);
        backend = create(upstream.ollamaBaseUri(), MODEL);
    }

    @AfterAll
    static void stop() {
        if (upstream != null) {
            upstream.close();
        }
    }

    private static InferenceBackend create(URI base, String upstreamModel) {
        return create(base, upstreamModel, Duration.ofSeconds(5));
    }

    private static InferenceBackend create(URI base, String upstreamModel, Duration readTimeout) {
        return new OllamaBackendFactory().create(new BackendDefinition("local-" + upstreamModel, OllamaBackendFactory.KIND,
                Tier.LOCAL, base, upstreamModel, null, 0, 0, Duration.ofSeconds(2), readTimeout, true));
    }

    private static ChatRequest ask(String question) {
        return ChatRequest.builder().message(ChatMessage.user(question)).build();
    }

    /** A port nothing listens on: bound once, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void residencyFollowsTheServersApiPs() throws Exception {
        SimulatorProfile fast = new SimulatorProfile(0, 5000, 4);
        try (SimulatedUpstream own = SimulatedUpstream.start("127.0.0.1", 0, fast, fast, Set.of("big:8b"), null)) {
            InferenceBackend big = create(own.ollamaBaseUri(), "big:8b");
            big.residency();
            assertEquals(Residency.RESIDENT, big.residency(), "loaded at start; the first poll ran on this thread");

            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            own.ollamaBaseUri().resolve("/api/chat"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"big:8b\",\"messages\":[],\"keep_alive\":0}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (big.residency() != Residency.NOT_LOADED && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(Residency.NOT_LOADED, big.residency(), "a later poll saw the model unloaded");

            big.chat(ask("Hello"));
            assertEquals(Residency.RESIDENT, big.residency(), "answering loaded it");
        }
    }

    @Test
    void theFactoryServesTheOllamaKind() {
        assertEquals("ollama", new OllamaBackendFactory().kind());
        assertEquals("local-sim-local", backend.id());
        assertEquals(Tier.LOCAL, backend.tier());
    }

    @Test
    void chatReturnsTheSimulatedAnswerWithUsage() {
        BackendReply reply = assertTimeoutPreemptively(LIMIT,
                () -> backend.chat(ask("What is an upstream? [[sim ttft=0 tps=2000 tokens=5]]")));

        assertTrue(reply.content().startsWith("[simulated"), reply.content());
        assertEquals("[simulated sim-local] Here is a", reply.content());
        assertEquals(5, reply.usage().completionTokens());
        assertTrue(reply.usage().promptTokens() > 0);
        assertEquals("stop", reply.finishReason());
        assertTrue(reply.latencyMillis() >= 0);
        assertEquals(reply.latencyMillis(), reply.ttftMillis());
    }

    @Test
    void aSmallerMaxTokensEndsWithLength() {
        ChatRequest request = ask("Tell me more [[sim ttft=0 tps=2000 tokens=10]]").withMaxTokens(3);

        BackendReply reply = assertTimeoutPreemptively(LIMIT, () -> backend.chat(request));

        assertEquals("length", reply.finishReason());
        assertEquals(3, reply.usage().completionTokens());
        assertEquals("[simulated sim-local] Here", reply.content());
    }

    @Test
    void streamDeliversPiecesThatConcatenateToTheReply() {
        List<String> pieces = Collections.synchronizedList(new ArrayList<>());

        BackendReply reply = assertTimeoutPreemptively(LIMIT,
                () -> backend.stream(ask("Stream please [[sim ttft=0 tps=2000 tokens=6]]"), pieces::add));

        assertEquals(6, pieces.size(), pieces.toString());
        assertEquals(reply.content(), String.join("", pieces));
        assertTrue(reply.content().startsWith("[simulated sim-local]"), reply.content());
        assertEquals(6, reply.usage().completionTokens());
        assertEquals("stop", reply.finishReason());
        assertTrue(reply.ttftMillis() <= reply.latencyMillis());
    }

    @Test
    void upstream500IsRetriable() {
        BackendException e = assertThrows(BackendException.class,
                () -> assertTimeoutPreemptively(LIMIT, () -> backend.chat(ask("Hi [[sim status=500]]"))));

        assertInstanceOf(RetriableBackendException.class, e);
        assertEquals(500, e.upstreamStatus());
        assertFalse(e.isTimeout());
    }

    @Test
    void upstream503InAStreamIsRetriableAndNothingReachesTheSink() {
        List<String> pieces = Collections.synchronizedList(new ArrayList<>());

        BackendException e = assertThrows(BackendException.class, () -> assertTimeoutPreemptively(LIMIT,
                () -> backend.stream(ask("Hi [[sim status=503]]"), pieces::add)));

        assertTrue(e.isRetriable());
        assertEquals(503, e.upstreamStatus());
        assertTrue(pieces.isEmpty());
    }

    @Test
    void upstream429IsRetriable() {
        BackendException e = assertThrows(BackendException.class,
                () -> assertTimeoutPreemptively(LIMIT, () -> backend.chat(ask("Hi [[sim status=429]]"))));

        assertInstanceOf(RetriableBackendException.class, e);
        assertEquals(429, e.upstreamStatus());
    }

    @Test
    void aDroppedConnectionIsRetriableWithoutStatus() {
        BackendException e = assertThrows(BackendException.class,
                () -> assertTimeoutPreemptively(LIMIT, () -> backend.chat(ask("Hi [[sim reset=true]]"))));

        assertInstanceOf(RetriableBackendException.class, e);
        assertEquals(0, e.upstreamStatus());
        assertFalse(e.isTimeout());
    }

    @Test
    void aSlowAnswerTimesOutAsARetriableTimeout() {
        InferenceBackend impatient = create(upstream.ollamaBaseUri(), MODEL, Duration.ofMillis(150));

        BackendException e = assertThrows(BackendException.class, () -> assertTimeoutPreemptively(LIMIT,
                () -> impatient.chat(ask("Slow [[sim ttft=1000 tokens=2]]"))));

        assertInstanceOf(RetriableBackendException.class, e);
        assertTrue(e.isTimeout(), e.toString());
        assertEquals(0, e.upstreamStatus());
    }

    private static InferenceBackend withTtft(Duration ttft, Duration idle) {
        return new OllamaBackendFactory().create(new BackendDefinition("local-" + MODEL, OllamaBackendFactory.KIND,
                Tier.LOCAL, upstream.ollamaBaseUri(), MODEL, null, 0, 0, Duration.ofSeconds(2), idle, ttft, true));
    }

    @Test
    void aStreamWithoutAFirstTokenInTimeIsARetriableTimeout() {
        InferenceBackend impatient = withTtft(Duration.ofMillis(300), Duration.ofSeconds(5));
        List<String> pieces = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();

        BackendException e = assertThrows(BackendException.class, () -> assertTimeoutPreemptively(LIMIT,
                () -> impatient.stream(ask("Slow start [[sim ttft=3000 tokens=2]]"), pieces::add)));

        long millis = (System.nanoTime() - start) / 1_000_000L;
        assertInstanceOf(RetriableBackendException.class, e);
        assertTrue(e.isTimeout(), e.toString());
        assertTrue(e.getMessage().contains("no first token within 300 ms"), e.getMessage());
        assertTrue(millis < 2_500, "gave up after the first-token limit, not the idle one: " + millis + " ms");
        assertTrue(pieces.isEmpty());
    }

    @Test
    void theFirstTokenLimitDoesNotApplyBetweenLaterPieces() {
        // 200 ms between pieces: longer than the first-token limit, well within the idle one.
        InferenceBackend backend = withTtft(Duration.ofMillis(150), Duration.ofSeconds(5));
        List<String> pieces = Collections.synchronizedList(new ArrayList<>());

        BackendReply reply = assertTimeoutPreemptively(LIMIT,
                () -> backend.stream(ask("Steady [[sim ttft=0 tps=5 tokens=4]]"), pieces::add));

        assertEquals(String.join("", pieces), reply.content());
        assertTrue(pieces.size() >= 4, pieces.toString());
    }

    @Test
    void upstream404IsNotRetriable() {
        BackendException e = assertThrows(BackendException.class,
                () -> assertTimeoutPreemptively(LIMIT, () -> backend.chat(ask("Hi [[sim status=404]]"))));

        assertInstanceOf(NonRetriableBackendException.class, e);
        assertEquals(404, e.upstreamStatus());
    }

    @Test
    void anUnknownModelIsANonRetriable404() {
        InferenceBackend unknown = create(upstream.ollamaBaseUri(), "nope");

        BackendException e = assertThrows(BackendException.class,
                () -> assertTimeoutPreemptively(LIMIT, () -> unknown.chat(ask("Hi [[sim ttft=0]]"))));

        assertInstanceOf(NonRetriableBackendException.class, e);
        assertEquals(404, e.upstreamStatus());
        assertFalse(e.isRetriable());
    }

    @Test
    void anUnreachableUpstreamIsRetriableWithoutStatus() throws IOException {
        InferenceBackend down = create(URI.create("http://127.0.0.1:" + closedPort()), MODEL);

        BackendException e = assertThrows(BackendException.class,
                () -> assertTimeoutPreemptively(LIMIT, () -> down.chat(ask("Hi"))));

        assertTrue(e.isRetriable());
        assertEquals(0, e.upstreamStatus());
    }

    @Test
    void probeIsUpForAServedModel() {
        BackendHealth health = assertTimeoutPreemptively(LIMIT, backend::probe);

        assertTrue(health.up(), health.detail());
        assertEquals("model sim-local available", health.detail());
    }

    @Test
    void probeIsDownForAModelThatIsNotPulled() {
        BackendHealth health = assertTimeoutPreemptively(LIMIT, create(upstream.ollamaBaseUri(), "nope")::probe);

        assertFalse(health.up());
        assertEquals("model nope not pulled", health.detail());
    }

    @Test
    void probeIsDownForAnUnreachableUpstream() throws IOException {
        InferenceBackend down = create(URI.create("http://127.0.0.1:" + closedPort()), MODEL);

        BackendHealth health = assertTimeoutPreemptively(LIMIT, down::probe);

        assertFalse(health.up());
        assertTrue(health.detail().startsWith("Ollama unreachable: "), health.detail());
    }

    @Test
    void anErrorMidStreamIsABackendExceptionAfterThePiecesSent() {
        List<String> pieces = Collections.synchronizedList(new ArrayList<>());

        BackendException e = assertThrows(BackendException.class, () -> assertTimeoutPreemptively(LIMIT,
                () -> backend.stream(ask("Go on [[sim ttft=0 tps=2000 tokens=8 error_after=2]]"), pieces::add)));

        assertEquals(2, pieces.size(), pieces.toString());
        assertEquals("[simulated sim-local]", String.join("", pieces));
        assertInstanceOf(RetriableBackendException.class, e);
        assertEquals(0, e.upstreamStatus());
        assertTrue(e.getMessage().contains("simulated upstream error"), e.getMessage());
    }

    @Test
    void aSinkThatFailsStopsTheStreamPromptlyAndItsExceptionPropagates() {
        IllegalStateException gone = new IllegalStateException("client went away");
        List<String> pieces = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();

        // 200 tokens at 50 per second would take four seconds if the stream were read to the end.
        RuntimeException e = assertThrows(RuntimeException.class, () -> assertTimeoutPreemptively(LIMIT,
                () -> backend.stream(ask("Long one [[sim ttft=0 tps=50 tokens=200]]"), text -> {
                    pieces.add(text);
                    if (pieces.size() == 2) {
                        throw gone;
                    }
                })));

        long millis = (System.nanoTime() - start) / 1_000_000L;
        assertSame(gone, e);
        assertEquals(2, pieces.size(), pieces.toString());
        assertTrue(millis < 1_500, "took " + millis + " ms");
    }

    @Test
    void aStalledStreamEndsWithATimeoutInsteadOfHanging() {
        InferenceBackend impatient = create(upstream.ollamaBaseUri(), MODEL, Duration.ofMillis(400));
        List<String> pieces = Collections.synchronizedList(new ArrayList<>());

        BackendException e = assertTimeoutPreemptively(LIMIT, () -> assertThrows(BackendException.class,
                () -> impatient.stream(ask("Tell me more [[sim stall_after=2 ttft=0 tps=2000]]"), pieces::add)));

        assertTrue(e.isRetriable());
        assertTrue(e.isTimeout(), e.getMessage());
        assertEquals(2, pieces.size());
    }
}
