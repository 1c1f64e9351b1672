package dev.llmrouter.route.internal;

import dev.llmrouter.backend.BackendLoad;
import dev.llmrouter.backend.BackendRegistry;
import dev.llmrouter.backend.InferenceBackend;
import dev.llmrouter.budget.BudgetOutlook;
import dev.llmrouter.budget.Budgets;
import dev.llmrouter.cache.CacheDirective;
import dev.llmrouter.cache.CacheLookup;
import dev.llmrouter.cache.CacheStatus;
import dev.llmrouter.cache.SemanticCache;
import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.chat.Tier;
import dev.llmrouter.classify.PromptClassifier;
import dev.llmrouter.classify.PromptProfile;
import dev.llmrouter.classify.QualityEstimate;
import dev.llmrouter.classify.QualityPredictor;
import dev.llmrouter.route.Caller;
import dev.llmrouter.route.ModelNotFoundException;
import dev.llmrouter.route.NoEligibleBackendException;
import dev.llmrouter.route.RoutingDecision;
import dev.llmrouter.route.RoutingRefusedException;
import dev.llmrouter.route.policy.CandidateInput;
import dev.llmrouter.route.policy.CandidateScore;
import dev.llmrouter.route.policy.LatencyPrediction;
import dev.llmrouter.route.policy.PolicySettings;
import dev.llmrouter.route.policy.Ranking;
import dev.llmrouter.route.policy.RoutingRule;
import dev.llmrouter.route.policy.RuleBook;
import dev.llmrouter.route.policy.RuleSubject;
import dev.llmrouter.route.policy.RuleVerdict;
import dev.llmrouter.route.policy.ServiceLevel;
import dev.llmrouter.route.policy.ServiceLevels;
import dev.llmrouter.route.policy.UtilityRanking;
import dev.llmrouter.route.policy.UtilityWeights;
import dev.llmrouter.stats.LatencyStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one decision path of {@code route}, {@code stream} and {@code explain}: rules (from the prompt's text
 * alone), the cache under what the rules say, then for a miss the prompt's profile and every candidate's
 * predicted quality, cost and latency, ranked by the utility under the caller's service level and budget.
 * A dry run (explain) takes the same path and only leaves the cache's hit counter alone.
 */
@ApplicationScoped
public class DecisionPipeline {

    /** Breaker states in which a call is refused at once (HALF_OPEN lets trial calls through). */
    private static final Set<String> REFUSING_BREAKER_STATES = Set.of("OPEN", "FORCED_OPEN");

    @Inject
    BackendRegistry registry;

    @Inject
    RuleBook rules;

    @Inject
    SemanticCache cache;

    @Inject
    PromptClassifier classifier;

    @Inject
    QualityPredictor quality;

    @Inject
    LatencyStats stats;

    @Inject
    Budgets budgets;

    @Inject
    ServiceLevels levels;

    @Inject
    PolicySettings settings;

    /** A decision with what the call needs from the way there: the cache lookup and the prompt's profile. */
    public record Planned(RoutingDecision decision, CacheLookup lookup, PromptProfile profile) {
    }

    public Planned plan(Caller caller, ChatRequest request, boolean dryRun, boolean streamed) {
        return plan(caller, request, dryRun, streamed, rules.current());
    }

    /** A dry run under other rules than those in force: what a rule being edited would change. */
    public RoutingDecision preview(Caller caller, ChatRequest request, List<RoutingRule> draftRules) {
        return plan(caller, request, true, false, draftRules).decision();
    }

    private Planned plan(Caller caller, ChatRequest request, boolean dryRun, boolean streamed,
                         List<RoutingRule> inForce) {
        List<InferenceBackend> pool = pool(request);
        RuleVerdict verdict = RuleVerdict.of(inForce, new RuleSubject(caller.tenantId(), request.model(),
                classifier.category(request), classifier.promptTokens(request), request.hints().headers()));
        CacheLookup lookup = cache.lookup(caller, request,
                new CacheDirective(verdict.cacheDisabled(), verdict.cacheThreshold().orElse(null), dryRun));
        if (lookup.isHit()) {
            String reason = CacheStatus.SEMANTIC_HIT.equals(lookup.status()) ? "a cached question means the same"
                    : "same question answered before";
            return new Planned(new RoutingDecision(lookup.status(), lookup.similarity(), lookup.entry().id(),
                    lookup.entry().model(), List.of(), reason, null), lookup, null);
        }
        PromptProfile profile = classifier.profile(request, lookup.embedding());
        ServiceLevel level = levels.resolve(caller, request.hints());
        BudgetOutlook outlook = budgets.outlook(caller);
        UtilityWeights weights = new UtilityWeights(level.costWeight() * outlook.pacing(), settings.slaWeight());
        Map<String, String> ruleExclusions = new HashMap<>();
        List<CandidateInput> inputs = pool.stream().map(b -> {
            verdict.excludes(b.id(), b.tier()).ifPresent(why -> ruleExclusions.put(b.id(), why));
            return input(b, caller, request, profile);
        }).toList();
        Ranking ranking = UtilityRanking.rank(inputs, level, weights, ruleExclusions, outlook.leftMicros(), streamed);
        List<RoutingDecision.Candidate> tried = toTry(ranking, request);
        RoutingDecision.Analysis analysis = new RoutingDecision.Analysis(profile.category(), profile.difficulty(),
                profile.promptTokens(), level, weights, verdict.applied(), ranking, outlook.note());
        return new Planned(new RoutingDecision(lookup.status(), lookup.similarity(), null, null, tried,
                Reasons.of(request, profile, analysis, tried), analysis), lookup, profile);
    }

    private List<InferenceBackend> pool(ChatRequest request) {
        if (!request.isAuto()) {
            return List.of(registry.find(request.model()).orElseThrow(() -> new ModelNotFoundException(request.model())));
        }
        List<InferenceBackend> all = registry.all();
        if (all.isEmpty()) {
            throw new NoEligibleBackendException(
                    "No backend is configured; set OLLAMA_BASE_URL, OPENAI_API_KEY or ANTHROPIC_API_KEY.");
        }
        return all;
    }

    /**
     * The eligible candidates, best first. With none, the ones excluded only for money or for refusing at once
     * are still tried, so that the budget's admission and the backend's guards give the exact refusal (429
     * with Retry-After, circuit open); otherwise nobody may take the request.
     */
    private static List<RoutingDecision.Candidate> toTry(Ranking ranking, ChatRequest request) {
        List<CandidateScore> eligible = ranking.eligible();
        List<CandidateScore> chosen = !eligible.isEmpty() ? eligible
                : ranking.scores().stream().filter(s -> s.exclusion().lastResort()).toList();
        if (chosen.isEmpty()) {
            CandidateScore best = ranking.scores().get(0);
            throw new RoutingRefusedException((request.isAuto() ? "No backend may take this request: "
                    : "Model " + request.model() + " may not take this request: ") + best.backend() + " "
                    + best.excluded() + (ranking.scores().size() > 1 ? " (and every other candidate is excluded too)" : "")
                    + ".");
        }
        return chosen.stream().map(s -> new RoutingDecision.Candidate(s.backend(), s.tier(), s.simulated())).toList();
    }

    private CandidateInput input(InferenceBackend backend, Caller caller, ChatRequest request, PromptProfile profile) {
        Tier tier = backend.tier();
        QualityEstimate q = quality.predict(profile, backend.id(), tier, caller.tenantId());
        double answerTokens = stats.expectedAnswerTokens(profile.category(), settings.outputTokens());
        if (request.maxTokens() != null && request.maxTokens() > 0) {
            answerTokens = Math.min(answerTokens, request.maxTokens());
        }
        int outputTokens = (int) Math.ceil(answerTokens);
        long cost = backend.definition().costMicros(profile.promptTokens(), outputTokens);
        LatencyStats.Estimate seen = stats.estimate(backend.id(), profile.category());
        double ttft = seen.samples() > 0 ? seen.ttftMs() : settings.ttftMs(tier);
        double msPerToken = seen.samples() > 0 && !Double.isNaN(seen.msPerToken()) ? seen.msPerToken()
                : settings.msPerToken(tier);
        double generation = outputTokens * msPerToken;
        double service = seen.samples() > 0 ? seen.callMs() : ttft + generation;
        BackendLoad load = registry.load(backend.id()).orElse(null);
        long queue = 0;
        long coldLoad = 0;
        String unavailable = null;
        if (load != null) {
            queue = load.predictedWaitMs(service);
            coldLoad = load.coldLoadExpected() ? settings.coldLoadMs() : 0;
            if (REFUSING_BREAKER_STATES.contains(load.breakerState())) {
                unavailable = "circuit breaker open";
            } else if (load.full()) {
                unavailable = "queue full (" + load.inFlight() + " in flight, " + load.waiting() + " waiting)";
            }
        }
        return new CandidateInput(backend.id(), tier, backend.definition().simulated(), q.quality(), q.basis(), cost,
                new LatencyPrediction(queue, coldLoad, Math.round(ttft), Math.round(generation)), unavailable);
    }
}
