package dev.llmrouter.backend;

import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.chat.Tier;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The router's single retry layer plus one breaker and one bulkhead per backend, around any
 * adapter. Retries happen only for retriable upstream failures and only while nothing has reached
 * the client; an open breaker or a full bulkhead refuses at once so the router falls back.
 */
public final class GuardedBackend implements InferenceBackend {

    private static final Logger LOG = Logger.getLogger(GuardedBackend.class.getName());

    private final InferenceBackend delegate;
    private final GuardSettings settings;
    private final CircuitBreaker breaker;
    /** Admits at most max-concurrency + max-wait-queue callers: the bound on the wait queue. */
    private final Bulkhead admission;
    /** Of the admitted, lets max-concurrency callers reach the upstream; the others wait here. */
    private final Bulkhead slots;
    private final Retry retry;
    private final IntervalFunction backoff;
    private final AtomicInteger waiting = new AtomicInteger();
    /** The calls in flight: when each reached the upstream ({@link System#nanoTime()}), by call. */
    private final Map<Object, Long> started = new ConcurrentHashMap<>();

    GuardedBackend(InferenceBackend delegate, GuardSettings settings) {
        this.delegate = delegate;
        this.settings = settings;
        String name = delegate.id();
        this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindow())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRatePercent())
                .waitDurationInOpenState(settings.openDuration())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                // Long generations are normal for LLMs: slowness is for routing statistics, not a fault.
                .slowCallDurationThreshold(Duration.ofDays(1))
                .ignoreException(e -> !isUpstreamFault(e))
                .build());
        this.admission = Bulkhead.of(name + "-admission", BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrency() + settings.maxWaitQueue())
                .maxWaitDuration(Duration.ZERO)
                .build());
        this.slots = Bulkhead.of(name, BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrency())
                .maxWaitDuration(settings.maxWait())
                .build());
        long base = Math.max(1, settings.backoff().toMillis());
        this.backoff = IntervalFunction.ofRandomized(base, (double) settings.jitter().toMillis() / base);
        this.retry = Retry.of(name, RetryConfig.<BackendReply>custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(GuardedBackend::isUpstreamFault)
                .intervalBiFunction(this::waitBeforeRetry)
                .build());
    }

    /**
     * Failures that say something about the upstream's health, and the only ones worth another
     * attempt; refusals by this router, 4xx answers and a vanished client say nothing about it.
     */
    private static boolean isUpstreamFault(Throwable e) {
        return e instanceof RetriableBackendException && !(e instanceof BackendUnavailableException);
    }

    private long waitBeforeRetry(Integer attempt, Either<Throwable, BackendReply> outcome) {
        if (outcome.isLeft() && outcome.getLeft() instanceof RetriableBackendException e
                && e.retryAfter().isPresent()) {
            Duration asked = e.retryAfter().get();
            return (asked.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : asked).toMillis();
        }
        return backoff.apply(attempt);
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public Tier tier() {
        return delegate.tier();
    }

    @Override
    public BackendDefinition definition() {
        return delegate.definition();
    }

    @Override
    public BackendReply chat(ChatRequest request) {
        return guarded(() -> delegate.chat(request), () -> false);
    }

    @Override
    public BackendReply stream(ChatRequest request, TokenSink sink) {
        AtomicBoolean reachedClient = new AtomicBoolean();
        TokenSink watched = text -> {
            reachedClient.set(true);
            sink.accept(text);
        };
        return guarded(() -> delegate.stream(request, watched), reachedClient::get);
    }

    /** Not guarded: health checks should see the upstream itself, breaker or not. */
    @Override
    public BackendHealth probe() {
        return delegate.probe();
    }

    @Override
    public Residency residency() {
        return delegate.residency();
    }

    public BackendLoad load() {
        long now = System.nanoTime();
        long youngest = started.values().stream().mapToLong(Long::longValue).max().orElse(now);
        return new BackendLoad(id(), started.size(), waiting.get(), settings.maxConcurrency(),
                settings.maxWaitQueue(), breaker.getState().name(), delegate.residency(),
                Math.max(0, TimeUnit.NANOSECONDS.toMillis(now - youngest)));
    }

    private BackendReply guarded(Supplier<BackendReply> call, BooleanSupplier reachedClient) {
        AtomicInteger attempts = new AtomicInteger();
        Supplier<BackendReply> attempt = () -> {
            attempts.incrementAndGet();
            try {
                return breaker.executeSupplier(() -> throttled(call));
            } catch (CallNotPermittedException e) {
                throw new BackendUnavailableException(id() + ": circuit breaker open",
                        BackendUnavailableException.CIRCUIT_OPEN);
            } catch (RuntimeException e) {
                if (reachedClient.getAsBoolean()) {
                    throw new ReachedClient(e);
                }
                throw e;
            }
        };
        try {
            BackendReply reply = retry.executeSupplier(attempt);
            return attempts.get() > 1 ? reply.afterAttempts(attempts.get()) : reply;
        } catch (ReachedClient e) {
            throw (RuntimeException) e.getCause();
        } catch (BackendException e) {
            throw attempts.get() > 1 ? afterAttempts(e, attempts.get()) : e;
        }
    }

    private BackendReply throttled(Supplier<BackendReply> call) {
        if (!admission.tryAcquirePermission()) {
            throw full();
        }
        try {
            boolean permitted;
            waiting.incrementAndGet();
            try {
                permitted = slots.tryAcquirePermission();
            } finally {
                waiting.decrementAndGet();
            }
            if (!permitted) {
                throw full();
            }
            Object self = new Object();
            started.put(self, System.nanoTime());
            try {
                return call.get();
            } finally {
                started.remove(self);
                slots.onComplete();
            }
        } finally {
            admission.onComplete();
        }
    }

    private BackendUnavailableException full() {
        LOG.fine(() -> "Backend " + id() + " refused a call: bulkhead and wait queue full");
        return new BackendUnavailableException(id() + ": " + settings.maxConcurrency() + " calls in flight and "
                + settings.maxWaitQueue() + " waiting", BackendUnavailableException.BULKHEAD_FULL);
    }

    /** The last failure, its message saying how many attempts the ledger row stands for. */
    private static BackendException afterAttempts(BackendException e, int attempts) {
        String message = e.getMessage() + " (after " + attempts + " attempts)";
        if (e instanceof BackendUnavailableException u) {
            return new BackendUnavailableException(message, u.code());
        }
        if (e instanceof RetriableBackendException r) {
            return new RetriableBackendException(message, r.upstreamStatus(), r.isTimeout(),
                    r.retryAfter().orElse(null), e);
        }
        return new NonRetriableBackendException(message, e.upstreamStatus(), e);
    }

    /** Carries a failure past the retry once text reached the client: it must not be retried. */
    private static final class ReachedClient extends RuntimeException {
        ReachedClient(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
