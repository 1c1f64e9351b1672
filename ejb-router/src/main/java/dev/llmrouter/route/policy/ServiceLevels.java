package dev.llmrouter.route.policy;

import dev.llmrouter.chat.RoutingHints;
import dev.llmrouter.persistence.RoutingStorageException;
import dev.llmrouter.persistence.SlaPolicies;
import dev.llmrouter.persistence.SlaPolicy;
import dev.llmrouter.route.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The bounds of one request: the caller's SLA policy (its key's, else its tenant's), tightened by hints. */
@ApplicationScoped
public class ServiceLevels {

    private static final Logger LOG = Logger.getLogger(ServiceLevels.class.getName());

    @Inject
    SlaPolicies policies;

    @Inject
    PolicySettings settings;

    public ServiceLevel resolve(Caller caller, RoutingHints hints) {
        Optional<SlaPolicy> policy;
        try {
            policy = policies.forCaller(caller.tenantId(), caller.apiKeyId());
        } catch (RoutingStorageException e) {
            // Money stays guarded by the budget's own admission, which fails closed on its own.
            LOG.log(Level.WARNING, "SLA policy of tenant " + caller.tenantId() + " unreadable; using the defaults", e);
            policy = Optional.empty();
        }
        ServiceLevel level = policy.map(this::of).orElseGet(this::defaults);
        return level.tightenedBy(hints.deadlineMs(), hints.maxCostMicros(), hints.minQuality());
    }

    public ServiceLevel defaults() {
        return new ServiceLevel(null, settings.latencyTargetMs(), null, null, null, settings.costWeight());
    }

    ServiceLevel of(SlaPolicy p) {
        return new ServiceLevel(p.name(), (long) p.latencyTargetMs(), null, p.maxCostMicros(), p.minQuality(),
                p.costWeight() != null ? p.costWeight() : settings.costWeight());
    }
}
