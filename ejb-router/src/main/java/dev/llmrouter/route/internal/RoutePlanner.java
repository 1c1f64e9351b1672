package dev.llmrouter.route.internal;

import dev.llmrouter.backend.BackendRegistry;
import dev.llmrouter.backend.InferenceBackend;
import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.chat.Tier;
import dev.llmrouter.classify.PromptComplexity;
import dev.llmrouter.route.ModelNotFoundException;
import dev.llmrouter.route.NoEligibleBackendException;
import dev.llmrouter.route.RoutingDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;

/**
 * Orders the candidate backends for a request. A pinned model has exactly one candidate; for
 * {@code auto}, simple prompts go to the local tier first and complex ones to the cloud first,
 * the other tier staying as fallback.
 */
@ApplicationScoped
public class RoutePlanner {

    @Inject
    BackendRegistry registry;

    public RoutingDecision plan(ChatRequest request) {
        if (!request.isAuto()) {
            InferenceBackend pinned = registry.find(request.model())
                    .orElseThrow(() -> new ModelNotFoundException(request.model()));
            return new RoutingDecision(List.of(candidate(pinned)), "model " + pinned.id() + " requested");
        }
        List<InferenceBackend> all = registry.all();
        if (all.isEmpty()) {
            throw new NoEligibleBackendException("No backend is configured; set OLLAMA_BASE_URL, OPENAI_API_KEY or ANTHROPIC_API_KEY.");
        }
        PromptComplexity.Estimate estimate = PromptComplexity.estimate(request);
        Tier preferred = estimate.level() == PromptComplexity.Level.SIMPLE ? Tier.LOCAL : Tier.CLOUD;
        List<RoutingDecision.Candidate> ordered = all.stream()
                .sorted(Comparator.comparing((InferenceBackend b) -> b.tier() != preferred))
                .map(RoutePlanner::candidate)
                .toList();
        String reason = "auto: " + estimate.because() + " -> " + preferred.name().toLowerCase() + " tier first";
        return new RoutingDecision(ordered, reason);
    }

    private static RoutingDecision.Candidate candidate(InferenceBackend backend) {
        return new RoutingDecision.Candidate(backend.id(), backend.tier(), backend.definition().simulated());
    }
}
