package dev.llmrouter.route.internal;

import dev.llmrouter.backend.BackendDefinition;
import dev.llmrouter.backend.BackendRegistry;
import dev.llmrouter.backend.BackendReply;
import dev.llmrouter.budget.Admission;
import dev.llmrouter.budget.Budgets;
import dev.llmrouter.chat.Tier;
import dev.llmrouter.chat.Usage;
import dev.llmrouter.persistence.UsageLedger;
import dev.llmrouter.persistence.UsageRecord;
import dev.llmrouter.route.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Prices a call and appends its row to the usage ledger before the client sees the end of it. A call
 * made under a budget reservation is charged at most what was reserved, and its row commits together
 * with the settlement (see {@link Budgets#close}).
 */
@ApplicationScoped
public class UsageRecorder {

    public static final String OK = "OK";
    public static final String UPSTREAM_ERROR = "UPSTREAM_ERROR";
    public static final String CLIENT_ABORT = "CLIENT_ABORT";
    public static final String REJECTED = "REJECTED";

    @Inject
    UsageLedger ledger;

    @Inject
    BackendRegistry registry;

    @Inject
    Budgets budgets;

    /** Cost in micro-USD and the cloud cost it stood in for. */
    public record Charge(long costMicros, long shadowCostMicros) {
        public long savedMicros() {
            return Math.max(0, shadowCostMicros - costMicros);
        }
    }

    public Charge price(BackendDefinition backend, Usage usage, Admission admission) {
        long cost = admission.charge(backend.costMicros(usage.promptTokens(), usage.completionTokens()));
        long shadow = backend.tier() == Tier.CLOUD ? cost : cheapestCloudCost(usage);
        return new Charge(cost, shadow);
    }

    private long cheapestCloudCost(Usage usage) {
        return registry.all().stream()
                .filter(b -> b.tier() == Tier.CLOUD)
                .mapToLong(b -> b.definition().costMicros(usage.promptTokens(), usage.completionTokens()))
                .min()
                .orElse(0);
    }

    /** The cloud cost a cache hit saved; the hit itself costs nothing. */
    public Charge priceCacheHit(Usage usage) {
        return new Charge(0, cheapestCloudCost(usage));
    }

    public void cached(Caller caller, String requestId, String model, Usage usage, Charge charge, String cacheStatus,
                       boolean streamed, long latencyMillis) {
        ledger.append(new UsageRecord(requestId, caller.tenantId(), caller.apiKeyId(), Tier.CACHE.name(), OK)
                .servedBy(null, model)
                .tokens(usage.promptTokens(), usage.completionTokens())
                .cost(charge.costMicros(), charge.shadowCostMicros())
                .timing(clampMillis(latencyMillis), clampMillis(latencyMillis))
                .streamed(streamed)
                .cacheStatus(cacheStatus)
                .reason("answered from the cache"));
    }

    public void served(Caller caller, String requestId, BackendDefinition backend, Admission admission,
                       BackendReply reply, Charge charge, boolean streamed, String reason, String cacheStatus) {
        budgets.close(admission, new UsageRecord(requestId, caller.tenantId(), caller.apiKeyId(), backend.tier().name(), OK)
                .cacheStatus(cacheStatus)
                .servedBy(backend.id(), backend.upstreamModel())
                .tokens(reply.usage().promptTokens(), reply.usage().completionTokens())
                .cost(charge.costMicros(), charge.shadowCostMicros())
                .timing(clampMillis(reply.latencyMillis()), clampMillis(reply.ttftMillis()))
                .streamed(streamed)
                .reason(reason));
    }

    /** A failed call: settled for what it used before it broke, or released when it used nothing. */
    public void failed(Caller caller, String requestId, BackendDefinition backend, Admission admission, String outcome,
                       String errorCode, Usage partial, long latencyMillis, boolean streamed, String reason) {
        Charge charge = backend == null ? new Charge(0, 0) : price(backend, partial, admission);
        UsageRecord row = new UsageRecord(requestId, caller.tenantId(), caller.apiKeyId(),
                backend == null ? "NONE" : backend.tier().name(), outcome)
                .tokens(partial.promptTokens(), partial.completionTokens())
                .cost(charge.costMicros(), charge.shadowCostMicros())
                .timing(clampMillis(latencyMillis), null)
                .streamed(streamed)
                .error(errorCode)
                .reason(reason);
        if (backend != null) {
            row.servedBy(backend.id(), backend.upstreamModel());
        }
        budgets.close(admission, row);
    }

    /** A backend the budget could not cover: no call was made. */
    public void rejected(Caller caller, String requestId, BackendDefinition backend, String errorCode, boolean streamed,
                         String reason) {
        ledger.append(new UsageRecord(requestId, caller.tenantId(), caller.apiKeyId(), backend.tier().name(), REJECTED)
                .servedBy(backend.id(), backend.upstreamModel())
                .streamed(streamed)
                .error(errorCode)
                .reason(reason));
    }

    /** A cache hit the tenant's policy refused because its money is gone: nothing was served. */
    public void rejectedCacheHit(Caller caller, String requestId, String model, String errorCode, String cacheStatus,
                                 boolean streamed, String reason) {
        ledger.append(new UsageRecord(requestId, caller.tenantId(), caller.apiKeyId(), Tier.CACHE.name(), REJECTED)
                .servedBy(null, model)
                .cacheStatus(cacheStatus)
                .streamed(streamed)
                .error(errorCode)
                .reason(reason));
    }

    private static int clampMillis(long millis) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, millis));
    }
}
