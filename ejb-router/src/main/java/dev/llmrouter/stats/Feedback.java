package dev.llmrouter.stats;

import dev.llmrouter.backend.BackendRegistry;
import dev.llmrouter.backend.InferenceBackend;
import dev.llmrouter.chat.Tier;
import dev.llmrouter.persistence.CacheEntries;
import dev.llmrouter.persistence.CacheUnavailableException;
import dev.llmrouter.persistence.RoutingDecisions;
import dev.llmrouter.persistence.StoredDecision;
import dev.llmrouter.route.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A client's judgement of an answer ({@code POST /v1/feedback}): stored with the request's decision,
 * announced as {@link FeedbackReceived} (so {@link Outcomes} learns it for the tenant's future routing),
 * and, when the answer is judged bad, the cache entry that holds it is removed so it is not served again.
 */
@ApplicationScoped
public class Feedback {

    /** Scores below this mark an answer as wrong. */
    public static final double BAD = 0.5;

    private static final Logger LOG = Logger.getLogger(Feedback.class.getName());

    @Inject
    RoutingDecisions decisions;

    @Inject
    CacheEntries cacheEntries;

    @Inject
    BackendRegistry registry;

    @Inject
    Event<FeedbackReceived> events;

    /** What a judgement did: the answer it judged, and whether a cache entry was removed. */
    public record Judged(long decisionId, String requestId, String backend, String tier, double score,
                         Long removedCacheEntry) {
    }

    public Judged judge(Caller caller, String requestId, double score, String comment) {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in 0..1");
        }
        StoredDecision d = decisions.latest(caller.tenantId(), requestId)
                .orElseThrow(() -> new RequestNotFoundException(requestId));
        if (!"OK".equals(d.outcome()) || d.backend() == null) {
            throw new NothingToJudgeException(requestId);
        }
        decisions.recordFeedback(d.id(), score, comment);
        Long removed = score < BAD ? removeCachedAnswer(caller, d) : null;
        events.fire(new FeedbackReceived(d.id(), caller.tenantId(), requestId, d.backend(), producingTier(d),
                d.category(), d.embedding(), score));
        return new Judged(d.id(), requestId, d.backend(), d.tier(), score, removed);
    }

    /** A cache hit was produced by a model of some tier; that model is the one judged. */
    private String producingTier(StoredDecision d) {
        if (!Tier.CACHE.name().equals(d.tier())) {
            return d.tier();
        }
        return registry.find(d.backend()).map(InferenceBackend::tier).map(Tier::name).orElse(d.tier());
    }

    private Long removeCachedAnswer(Caller caller, StoredDecision d) {
        if (d.cacheEntryId() == null) {
            return null;
        }
        try {
            return cacheEntries.delete(caller.tenantId(), d.cacheEntryId()) ? d.cacheEntryId() : null;
        } catch (CacheUnavailableException e) {
            LOG.log(Level.WARNING, "Could not remove cache entry " + d.cacheEntryId() + " judged bad", e);
            return null;
        }
    }
}
