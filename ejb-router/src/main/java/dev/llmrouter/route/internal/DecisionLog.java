package dev.llmrouter.route.internal;

import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.persistence.NewRoutingDecision;
import dev.llmrouter.persistence.RoutingDecisions;
import dev.llmrouter.persistence.RoutingStorageException;
import dev.llmrouter.route.Caller;
import dev.llmrouter.route.DecisionJson;
import dev.llmrouter.route.RoutingDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records the decision behind each request once its outcome is known: what feedback attaches to and what
 * the console shows. It holds no money and no answer, so a decision that cannot be written costs only its
 * row; the request goes on.
 */
@ApplicationScoped
public class DecisionLog {

    public static final String OK = "OK";
    public static final String FAILED = "FAILED";
    public static final String REJECTED = "REJECTED";
    /** The tier of a request nothing answered. */
    public static final String NO_TIER = "NONE";

    private static final Logger LOG = Logger.getLogger(DecisionLog.class.getName());

    @Inject
    RoutingDecisions decisions;

    void record(Caller caller, String requestId, ChatRequest request, DecisionPipeline.Planned planned, String tier,
                String backend, String outcome, Long cacheEntryId) {
        RoutingDecision d = planned.decision();
        RoutingDecision.Analysis a = d.analysis();
        float[] embedding = planned.profile() != null ? planned.profile().embedding() : planned.lookup().embedding();
        try {
            decisions.insert(new NewRoutingDecision(requestId, caller.tenantId(), caller.apiKeyId(), request.model(),
                    a == null ? null : a.category(), a == null ? null : a.difficulty(),
                    a == null ? null : a.promptTokens(), embedding, tier, backend, d.cacheStatus(),
                    cacheEntryId != null ? cacheEntryId : d.cacheEntryId(), outcome, d.reason(),
                    DecisionJson.of(d).build().toString()));
        } catch (RoutingStorageException e) {
            LOG.log(Level.WARNING, "Decision of request " + requestId + " not recorded", e);
        }
    }
}
