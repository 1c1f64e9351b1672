package dev.llmrouter.web.admin.sla;

import dev.llmrouter.persistence.SlaPolicies;
import dev.llmrouter.persistence.SlaPolicy;
import dev.llmrouter.web.admin.Money;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/** One SLA policy and who follows it, as a table row. */
public class SlaRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SlaPolicy policy;
    private final List<String> tenants;
    private final int keys;

    public SlaRow(SlaPolicy policy, SlaPolicies.Followers followers) {
        this.policy = policy;
        this.tenants = List.copyOf(followers.tenants());
        this.keys = followers.apiKeys().size();
    }

    public long getId() {
        return policy.id();
    }

    public String getName() {
        return policy.name();
    }

    public String getDescription() {
        return policy.description() == null ? "" : policy.description();
    }

    public int getLatencyTargetMs() {
        return policy.latencyTargetMs();
    }

    /** "$0.02" per request, or "no limit". */
    public String getMaxCost() {
        return policy.maxCostMicros() == null ? "no limit" : Money.usd(policy.maxCostMicros());
    }

    public String getMinQuality() {
        return policy.minQuality() == null ? "none" : String.format(Locale.ROOT, "%.2f", policy.minQuality());
    }

    /** Quality points one USD is worth, or the router's default. */
    public String getCostWeight() {
        return policy.costWeight() == null ? "router default" : String.format(Locale.ROOT, "%.4g", policy.costWeight());
    }

    /** "team-a, team-b" and "2 keys", or "nobody". */
    public String getFollowers() {
        if (tenants.isEmpty() && keys == 0) {
            return "nobody";
        }
        String who = String.join(", ", tenants);
        if (keys > 0) {
            who += (who.isEmpty() ? "" : "; ") + keys + (keys == 1 ? " key" : " keys");
        }
        return who;
    }

    public boolean isFollowed() {
        return !tenants.isEmpty() || keys > 0;
    }
}
