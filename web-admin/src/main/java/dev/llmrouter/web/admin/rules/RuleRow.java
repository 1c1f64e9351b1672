package dev.llmrouter.web.admin.rules;

import dev.llmrouter.route.policy.RoutingRule;
import java.io.Serializable;

/** One routing rule as a table row, with its tenant's name. */
public class RuleRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final RoutingRule rule;
    private final String tenant;
    private final boolean first;
    private final boolean last;

    RuleRow(RoutingRule rule, String tenant, boolean first, boolean last) {
        this.rule = rule;
        this.tenant = tenant;
        this.first = first;
        this.last = last;
    }

    public long getId() {
        return rule.id();
    }

    public int getPriority() {
        return rule.priority();
    }

    public String getName() {
        return rule.name();
    }

    public String getDescription() {
        return rule.description() == null ? "" : rule.description();
    }

    /** The tenant's name, or "all tenants". */
    public String getTenant() {
        return tenant;
    }

    public boolean isAllTenants() {
        return rule.tenantId() == null;
    }

    /** "category code, at least 500 prompt tokens: only the cloud tier" */
    public String getSummary() {
        return rule.describe();
    }

    public boolean isEnabled() {
        return rule.enabled();
    }

    /** The first rule cannot move up, the last cannot move down. */
    public boolean isFirst() {
        return first;
    }

    public boolean isLast() {
        return last;
    }
}
