package dev.llmrouter.route.policy;

import dev.llmrouter.chat.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The router-wide defaults of the utility: what a USD and a second late are worth, the latency target of
 * requests without an SLA policy, and what latency and answer length to assume before a backend's own
 * statistics exist.
 */
@ApplicationScoped
public class PolicySettings {

    @Inject
    @ConfigProperty(name = "router.policy.cost-weight", defaultValue = "500")
    double costWeight;

    @Inject
    @ConfigProperty(name = "router.policy.sla-weight", defaultValue = "0.2")
    double slaWeight;

    /** 0: no target for requests without a policy. */
    @Inject
    @ConfigProperty(name = "router.policy.latency-target-ms", defaultValue = "10000")
    long latencyTargetMs;

    @Inject
    @ConfigProperty(name = "router.policy.cold-load-ms", defaultValue = "3000")
    long coldLoadMs;

    @Inject
    @ConfigProperty(name = "router.policy.output-tokens", defaultValue = "250")
    int outputTokens;

    @Inject
    @ConfigProperty(name = "router.policy.local.ttft-ms", defaultValue = "300")
    long localTtftMs;

    @Inject
    @ConfigProperty(name = "router.policy.local.tokens-per-second", defaultValue = "40")
    double localTokensPerSecond;

    @Inject
    @ConfigProperty(name = "router.policy.cloud.ttft-ms", defaultValue = "600")
    long cloudTtftMs;

    @Inject
    @ConfigProperty(name = "router.policy.cloud.tokens-per-second", defaultValue = "80")
    double cloudTokensPerSecond;

    @Inject
    @ConfigProperty(name = "router.rules.refresh-ms", defaultValue = "2000")
    long rulesRefreshMs;

    public double costWeight() {
        return Math.max(0, costWeight);
    }

    public double slaWeight() {
        return Math.max(0, slaWeight);
    }

    public Long latencyTargetMs() {
        return latencyTargetMs > 0 ? latencyTargetMs : null;
    }

    public long coldLoadMs() {
        return Math.max(0, coldLoadMs);
    }

    /** Expected answer length before any answer of the category was seen. */
    public int outputTokens() {
        return Math.max(1, outputTokens);
    }

    public long ttftMs(Tier tier) {
        return Math.max(0, tier == Tier.LOCAL ? localTtftMs : cloudTtftMs);
    }

    public double msPerToken(Tier tier) {
        double tps = tier == Tier.LOCAL ? localTokensPerSecond : cloudTokensPerSecond;
        return 1000.0 / Math.max(0.1, tps);
    }

    public long rulesRefreshMs() {
        return Math.max(0, rulesRefreshMs);
    }
}
