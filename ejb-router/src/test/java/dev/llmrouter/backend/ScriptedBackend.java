package dev.llmrouter.backend;

import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.chat.Tier;
import dev.llmrouter.chat.Usage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

/** A backend that does what the test scripted, call by call, and counts how often it was reached. */
final class ScriptedBackend implements InferenceBackend {

    static final BackendReply OK = new BackendReply("fine", "stop", new Usage(1, 1), 0, 0);

    @FunctionalInterface
    interface Step {
        BackendReply run(TokenSink sink);
    }

    private final BackendDefinition definition;
    private final Deque<Step> script = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();

    ScriptedBackend(Tier tier) {
        definition = new BackendDefinition("scripted-" + tier.name().toLowerCase(), "test", tier,
                URI.create("http://127.0.0.1:1"), "m", null, 0, 0, Duration.ofSeconds(1), Duration.ofSeconds(1), true);
    }

    ScriptedBackend() {
        this(Tier.CLOUD);
    }

    /** Queues what the next calls do; once the script is used up, calls succeed. */
    synchronized ScriptedBackend then(Step... steps) {
        script.addAll(java.util.List.of(steps));
        return this;
    }

    static Step failing(BackendException e) {
        return sink -> {
            throw e;
        };
    }

    static RetriableBackendException unavailable() {
        return new RetriableBackendException("HTTP 503", 503, false, null);
    }

    int calls() {
        return calls.get();
    }

    int maxConcurrent() {
        return maxConcurrent.get();
    }

    private synchronized Step next() {
        Step step = script.poll();
        return step == null ? sink -> OK : step;
    }

    private BackendReply run(TokenSink sink) {
        calls.incrementAndGet();
        maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
        try {
            return next().run(sink);
        } finally {
            concurrent.decrementAndGet();
        }
    }

    @Override
    public String id() {
        return definition.id();
    }

    @Override
    public Tier tier() {
        return definition.tier();
    }

    @Override
    public BackendDefinition definition() {
        return definition;
    }

    @Override
    public BackendReply chat(ChatRequest request) {
        return run(text -> {
            throw new AssertionError("chat does not stream");
        });
    }

    @Override
    public BackendReply stream(ChatRequest request, TokenSink sink) {
        return run(sink);
    }

    @Override
    public BackendHealth probe() {
        return BackendHealth.up("scripted");
    }
}
