package dev.llmrouter.route.internal;

import dev.llmrouter.backend.BackendException;
import dev.llmrouter.backend.BackendUnavailableException;
import dev.llmrouter.cache.CacheLookup;
import dev.llmrouter.cache.SemanticCache;
import dev.llmrouter.backend.BackendRegistry;
import dev.llmrouter.backend.BackendReply;
import dev.llmrouter.backend.InferenceBackend;
import dev.llmrouter.budget.Admission;
import dev.llmrouter.budget.BudgetExceededException;
import dev.llmrouter.budget.Budgets;
import dev.llmrouter.chat.ChatMessage;
import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.chat.ChatResult;
import dev.llmrouter.chat.ChatStreamListener;
import dev.llmrouter.chat.RoutingReceipt;
import dev.llmrouter.chat.Tier;
import dev.llmrouter.chat.Usage;
import dev.llmrouter.persistence.CachedAnswer;
import dev.llmrouter.route.Caller;
import dev.llmrouter.route.ModelInfo;
import dev.llmrouter.route.RouterException;
import dev.llmrouter.route.RouterService;
import dev.llmrouter.route.RoutingDecision;
import dev.llmrouter.route.UpstreamFailedException;
import dev.llmrouter.route.policy.PolicySettings;
import dev.llmrouter.stats.LatencyStats;
import dev.llmrouter.tenant.ApiKeyAuthenticator;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Orchestrates one request: plan, admit each candidate against the tenant's budget, call candidates
 * in order until one answers (only before the first byte reached the client), record. No transaction
 * spans an upstream call.
 */
@Stateless
@Local(RouterService.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultRouterService implements RouterService {

    private static final Logger LOG = Logger.getLogger(DefaultRouterService.class.getName());

    @Inject
    ApiKeyAuthenticator authenticator;

    @Inject
    DecisionPipeline pipeline;

    @Inject
    DecisionLog decisions;

    @Inject
    LatencyStats latency;

    @Inject
    PolicySettings policy;

    @Inject
    BackendRegistry registry;

    @Inject
    UsageRecorder recorder;

    @Inject
    SemanticCache cache;

    @Inject
    Budgets budgets;

    @Override
    public Caller authenticate(String apiKey) {
        return authenticator.authenticate(apiKey);
    }

    @Override
    public RoutingDecision explain(Caller caller, ChatRequest request, boolean streamed) {
        return pipeline.plan(caller, request, true, streamed).decision();
    }

    @Override
    public List<ModelInfo> models() {
        List<ModelInfo> models = new ArrayList<>();
        models.add(new ModelInfo(ChatRequest.AUTO, null, "router", false,
                "Let the router choose between cache, local and cloud"));
        for (InferenceBackend backend : registry.all()) {
            boolean simulated = backend.definition().simulated();
            models.add(new ModelInfo(backend.id(), backend.tier(), backend.definition().kind(), simulated,
                    (simulated ? "SIMULATED " : "") + backend.tier().name().toLowerCase() + " model via "
                            + backend.definition().kind()));
        }
        return models;
    }

    @Override
    public ChatResult route(Caller caller, String requestId, ChatRequest request) {
        long start = System.nanoTime();
        DecisionPipeline.Planned planned = pipeline.plan(caller, request, false, false);
        CacheLookup lookup = planned.lookup();
        if (lookup.isHit()) {
            return fromCache(caller, requestId, request, planned, false, start);
        }
        Attempts attempts = new Attempts(planned.decision());
        for (InferenceBackend backend : candidates(planned.decision())) {
            Optional<Admission> admitted = admit(caller, requestId, backend, request, attempts, false);
            if (admitted.isEmpty()) {
                continue;
            }
            Admission admission = admitted.get();
            try {
                BackendReply reply = backend.chat(admission.bound(request));
                return complete(caller, requestId, request, planned, backend, admission, reply,
                        attempts.reason(backend), false);
            } catch (BackendException e) {
                attempts.failed(backend, e);
                recorder.failed(caller, requestId, backend.definition(), admission, UsageRecorder.UPSTREAM_ERROR,
                        errorCode(e), Usage.NONE, 0, false, e.getMessage());
            }
        }
        throw exhausted(caller, requestId, request, planned, attempts);
    }

    @Override
    public void stream(Caller caller, String requestId, ChatRequest request, ChatStreamListener listener) {
        long started = System.nanoTime();
        DecisionPipeline.Planned planned = pipeline.plan(caller, request, false, true);
        CacheLookup lookup = planned.lookup();
        if (lookup.isHit()) {
            replay(fromCache(caller, requestId, request, planned, true, started), listener);
            return;
        }
        Attempts attempts = new Attempts(planned.decision());
        for (InferenceBackend backend : candidates(planned.decision())) {
            Optional<Admission> admitted = admit(caller, requestId, backend, request, attempts, true);
            if (admitted.isEmpty()) {
                continue;
            }
            Admission admission = admitted.get();
            String reason = attempts.reason(backend);
            ClientStream client = new ClientStream(listener, receipt(requestId, backend, reason, lookup));
            long start = System.nanoTime();
            try {
                BackendReply reply = backend.stream(admission.bound(request), client::text);
                client.startIfNeeded();
                listener.onComplete(complete(caller, requestId, request, planned, backend, admission, reply, reason,
                        true));
                return;
            } catch (ClientStream.ClientGoneException gone) {
                recorder.failed(caller, requestId, backend.definition(), admission, UsageRecorder.CLIENT_ABORT,
                        "client_closed", estimate(request, client.sent()), millisSince(start), true, reason);
                decisions.record(caller, requestId, request, planned, backend.tier().name(), backend.id(),
                        DecisionLog.FAILED, null);
                return;
            } catch (BackendException e) {
                if (!client.started()) {
                    attempts.failed(backend, e);
                    recorder.failed(caller, requestId, backend.definition(), admission, UsageRecorder.UPSTREAM_ERROR,
                            errorCode(e), Usage.NONE, millisSince(start), true, e.getMessage());
                    continue;
                }
                // Bytes already reached the client: no retry, no fallback; the client learns it broke.
                recorder.failed(caller, requestId, backend.definition(), admission, UsageRecorder.UPSTREAM_ERROR,
                        errorCode(e), estimate(request, client.sent()), millisSince(start), true, e.getMessage());
                decisions.record(caller, requestId, request, planned, backend.tier().name(), backend.id(),
                        DecisionLog.FAILED, null);
                listener.onError(errorCode(e), "The upstream model failed mid-stream.");
                return;
            }
        }
        throw exhausted(caller, requestId, request, planned, attempts);
    }

    /** Every candidate refused or failed: the decision says so, then the client learns why. */
    private RouterException exhausted(Caller caller, String requestId, ChatRequest request,
                                      DecisionPipeline.Planned planned, Attempts attempts) {
        RouterException e = attempts.exhausted();
        decisions.record(caller, requestId, request, planned, DecisionLog.NO_TIER, null,
                e instanceof BudgetExceededException ? DecisionLog.REJECTED : DecisionLog.FAILED, null);
        return e;
    }

    /**
     * Reserves the candidate's worst case. A refused candidate is skipped (a free one may still answer);
     * a budget that cannot be checked fails the whole request, before any backend is called.
     */
    private Optional<Admission> admit(Caller caller, String requestId, InferenceBackend backend, ChatRequest request,
                                      Attempts attempts, boolean streamed) {
        try {
            return Optional.of(budgets.admit(caller, requestId, backend.definition(), request));
        } catch (BudgetExceededException e) {
            attempts.refused(backend, e);
            recorder.rejected(caller, requestId, backend.definition(), e.code(), streamed, e.getMessage());
            return Optional.empty();
        }
    }

    private List<InferenceBackend> candidates(RoutingDecision decision) {
        return decision.candidates().stream()
                .map(c -> registry.find(c.model()))
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    private ChatResult complete(Caller caller, String requestId, ChatRequest request,
                                DecisionPipeline.Planned planned, InferenceBackend backend, Admission admission,
                                BackendReply reply, String reason, boolean streamed) {
        CacheLookup lookup = planned.lookup();
        String servedReason = reply.attempts() > 1 ? reason + " (after " + reply.attempts() + " attempts)" : reason;
        String category = planned.profile() != null ? planned.profile().category() : "unknown";
        latency.observe(backend.id(), category, reply.ttftMillis(), reply.latencyMillis(),
                reply.usage().completionTokens(), streamed, policy.msPerToken(backend.tier()));
        UsageRecorder.Charge charge = recorder.price(backend.definition(), reply.usage(), admission);
        recorder.served(caller, requestId, backend.definition(), admission, reply, charge, streamed, servedReason,
                lookup.status());
        Long entry = cache.admit(caller, request, lookup, reply.content(), reply.finishReason(), backend.id(),
                reply.usage()).orElse(null);
        decisions.record(caller, requestId, request, planned, backend.tier().name(), backend.id(), DecisionLog.OK,
                entry);
        RoutingReceipt receipt = receipt(requestId, backend, servedReason, lookup);
        if (entry != null) {
            receipt = new RoutingReceipt(receipt.requestId(), receipt.model(), receipt.tier(), receipt.cacheStatus(),
                    receipt.reason(), receipt.simulated(), receipt.cacheSimilarity(), entry);
        }
        return new ChatResult(receipt, reply.content(), reply.finishReason(), reply.usage(), charge.costMicros(),
                charge.savedMicros(), Instant.now().getEpochSecond());
    }

    private ChatResult fromCache(Caller caller, String requestId, ChatRequest request,
                                 DecisionPipeline.Planned planned, boolean streamed, long start) {
        CacheLookup lookup = planned.lookup();
        CachedAnswer entry = lookup.entry();
        try {
            budgets.admitFree(caller, request);
        } catch (BudgetExceededException e) {
            recorder.rejectedCacheHit(caller, requestId, entry.model(), e.code(), lookup.status(), streamed,
                    e.getMessage());
            decisions.record(caller, requestId, request, planned, DecisionLog.NO_TIER, null, DecisionLog.REJECTED, null);
            throw e;
        }
        Usage usage = new Usage(entry.promptTokens(), entry.completionTokens());
        UsageRecorder.Charge charge = recorder.priceCacheHit(usage);
        recorder.cached(caller, requestId, entry.model(), usage, charge, lookup.status(), streamed, millisSince(start));
        decisions.record(caller, requestId, request, planned, Tier.CACHE.name(), entry.model(), DecisionLog.OK, null);
        RoutingReceipt receipt = new RoutingReceipt(requestId, entry.model(), Tier.CACHE, lookup.status(),
                planned.decision().reason(), producedBySimulation(entry.model()), lookup.similarity(), entry.id());
        return new ChatResult(receipt, entry.answer(), "stop", usage, 0, charge.savedMicros(),
                Instant.now().getEpochSecond());
    }

    /** An answer a simulated model produced stays labelled simulated when it is served from the cache. */
    private boolean producedBySimulation(String model) {
        return registry.find(model).map(b -> b.definition().simulated()).orElse(false);
    }

    /** A cached answer streamed like a live one: word by word, usage at the end. */
    private static void replay(ChatResult result, ChatStreamListener listener) {
        listener.onStart(result.receipt());
        for (String piece : result.content().split("(?<=\\s)")) {
            listener.onText(piece);
        }
        listener.onComplete(result);
    }

    private static RoutingReceipt receipt(String requestId, InferenceBackend backend, String reason,
                                          CacheLookup lookup) {
        return new RoutingReceipt(requestId, backend.id(), backend.tier(), lookup.status(), reason,
                backend.definition().simulated(), lookup.similarity(), null);
    }

    private static String errorCode(BackendException e) {
        if (e instanceof BackendUnavailableException refused) {
            return refused.code();
        }
        if (e.isTimeout()) {
            return "upstream_timeout";
        }
        return e.upstreamStatus() > 0 ? "upstream_http_" + e.upstreamStatus() : "upstream_unreachable";
    }

    /** Token counts for a broken stream, estimated at four characters a token. */
    private static Usage estimate(ChatRequest request, String sentText) {
        int promptChars = request.messages().stream().map(ChatMessage::content).mapToInt(String::length).sum();
        return new Usage((promptChars + 3) / 4, (sentText.length() + 3) / 4);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }

    /** The failures so far, for the reason of a fallback and the error when every candidate failed. */
    private static final class Attempts {
        private final RoutingDecision decision;
        private final List<String> failures = new ArrayList<>();
        private boolean allTimeouts = true;
        private boolean upstreamFailed;
        private BudgetExceededException refusal;

        Attempts(RoutingDecision decision) {
            this.decision = decision;
        }

        void failed(InferenceBackend backend, BackendException e) {
            LOG.warning(() -> "Backend " + backend.id() + " failed: " + e.getMessage());
            failures.add(backend.id() + " (" + errorCode(e) + ")");
            allTimeouts &= e.isTimeout();
            upstreamFailed = true;
        }

        void refused(InferenceBackend backend, BudgetExceededException e) {
            failures.add(backend.id() + " (" + e.code() + ")");
            if (refusal == null) {
                refusal = e;
            }
        }

        String reason(InferenceBackend backend) {
            return failures.isEmpty() ? decision.reason()
                    : decision.reason() + "; fell back to " + backend.id() + " after " + String.join(", ", failures);
        }

        /** The budget's refusal when no backend was even called, otherwise the upstream failure. */
        RouterException exhausted() {
            if (refusal != null && !upstreamFailed) {
                return refusal;
            }
            return new UpstreamFailedException("No backend could answer: " + String.join(", ", failures),
                    allTimeouts && upstreamFailed);
        }
    }
}
