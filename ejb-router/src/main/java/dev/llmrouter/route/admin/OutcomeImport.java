package dev.llmrouter.route.admin;

import dev.llmrouter.admin.AdminAccounts;
import dev.llmrouter.admin.InvalidSettingException;
import dev.llmrouter.audit.AuditTrail;
import dev.llmrouter.persistence.Tenants;
import dev.llmrouter.stats.LabelledOutcome;
import dev.llmrouter.stats.Outcomes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.util.List;

/**
 * Labelled outcomes an operator imports (an evaluation run, a review queue): how well a backend answered
 * each prompt. They feed the quality prediction exactly as feedback does; without a tenant they inform
 * every tenant's routing. Prompts are embedded and never stored as text.
 */
@ApplicationScoped
public class OutcomeImport {

    public static final int MAX_BATCH = 5_000;

    @Inject
    Outcomes outcomes;

    @Inject
    Tenants tenants;

    @Inject
    AdminAccounts accounts;

    @Inject
    AuditTrail audit;

    public int importAll(String actor, Long tenantId, List<LabelledOutcome> batch) {
        accounts.requireAdmin(actor);
        if (batch.isEmpty() || batch.size() > MAX_BATCH) {
            throw new InvalidSettingException("outcomes", "Import 1 to " + MAX_BATCH + " outcomes at a time.");
        }
        if (tenantId != null && tenants.findById(tenantId).isEmpty()) {
            throw new InvalidSettingException("tenant_id", "No tenant " + tenantId + ".");
        }
        int stored = outcomes.importAll(batch);
        var detail = Json.createObjectBuilder().add("count", stored);
        if (tenantId != null) {
            detail.add("tenant_id", tenantId);
        }
        audit.record(actor, "outcomes.import", tenantId == null ? "shared" : "tenant:" + tenantId, detail.build());
        return stored;
    }
}
