package dev.llmrouter.route.admin;

import dev.llmrouter.admin.UnknownObjectException;
import dev.llmrouter.persistence.RoutingDecisions;
import dev.llmrouter.persistence.StoredDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The recorded decisions, for operators: newest first, one at a time with its whole ranking. */
@ApplicationScoped
public class DecisionHistory {

    public static final int MAX_PAGE = 200;

    @Inject
    RoutingDecisions decisions;

    public List<StoredDecision> recent(Long tenantId, Long beforeId, int limit) {
        return decisions.recent(tenantId, beforeId, Math.max(1, Math.min(limit, MAX_PAGE)));
    }

    public StoredDecision get(long id) {
        return decisions.find(id).orElseThrow(() -> new UnknownObjectException("id", "No decision " + id + "."));
    }
}
