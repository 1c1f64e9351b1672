package dev.llmrouter.audit;

import dev.llmrouter.persistence.AuditEntry;
import dev.llmrouter.persistence.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * The one way admin writes are recorded. Called inside the write's transaction, so a change is never
 * committed without its audit row (nor the row without the change).
 */
@ApplicationScoped
public class AuditTrail {

    public static final int MAX_PAGE = 500;

    @Inject
    AuditLog log;

    public void record(String actor, String action, String target, JsonObject detail) {
        log.append(actor, action, target, detail == null ? null : detail.toString());
    }

    /** Newest first, at most {@link #MAX_PAGE}; {@code beforeId} pages backwards. */
    public List<AuditEntry> recent(Long beforeId, int limit) {
        return log.list(beforeId, Math.max(1, Math.min(limit, MAX_PAGE)));
    }
}
