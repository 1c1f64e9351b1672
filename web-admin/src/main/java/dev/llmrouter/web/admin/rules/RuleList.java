package dev.llmrouter.web.admin.rules;

import dev.llmrouter.admin.AdminRequestException;
import dev.llmrouter.persistence.Tenant;
import dev.llmrouter.route.admin.RuleAdministration;
import dev.llmrouter.route.policy.RoutingRule;
import dev.llmrouter.tenant.TenantAdministration;
import dev.llmrouter.web.admin.ConsoleUser;
import dev.llmrouter.web.admin.Notices;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rules page's list: every rule in the order they run; move one up or down, enable, disable or delete
 * it. Changes go through {@link RuleAdministration} under the signed-in user (audited, role checked again).
 */
@Named
@ViewScoped
public class RuleList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RuleAdministration rules;

    @Inject
    TenantAdministration tenants;

    @Inject
    ConsoleUser user;

    @Inject
    Notices notices;

    public List<RuleRow> getRows() {
        Map<Long, String> names = tenants.list().stream().collect(Collectors.toMap(Tenant::getId, Tenant::getName));
        List<RoutingRule> ordered = rules.list();
        List<RuleRow> rows = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            RoutingRule r = ordered.get(i);
            String tenant = r.tenantId() == null ? "all tenants" : names.getOrDefault(r.tenantId(), "#" + r.tenantId());
            rows.add(new RuleRow(r, tenant, i == 0, i == ordered.size() - 1));
        }
        return rows;
    }

    public void moveUp(long id) {
        move(id, -1);
    }

    public void moveDown(long id) {
        move(id, 1);
    }

    private void move(long id, int offset) {
        if (!user.mayChange()) {
            return;
        }
        List<RoutingRule> ordered = rules.list();
        int index = -1;
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).id() == id) {
                index = i;
            }
        }
        Map<Long, Integer> priorities = RuleOrder.move(ordered, index, offset);
        if (priorities.isEmpty()) {
            return;
        }
        try {
            rules.reprioritise(user.getName(), priorities);
        } catch (AdminRequestException e) {
            notices.error("Not moved", e.getMessage());
        }
    }

    public void enable(long id) {
        setEnabled(id, true);
    }

    public void disable(long id) {
        setEnabled(id, false);
    }

    private void setEnabled(long id, boolean enabled) {
        if (!user.mayChange()) {
            return;
        }
        try {
            RoutingRule rule = rules.setEnabled(user.getName(), id, enabled);
            notices.info(enabled ? "Rule enabled" : "Rule disabled", rule.name());
        } catch (AdminRequestException e) {
            notices.error("Not changed", e.getMessage());
        }
    }

    public void delete(long id) {
        if (!user.mayChange()) {
            return;
        }
        try {
            rules.delete(user.getName(), id);
            notices.info("Rule deleted", "#" + id);
        } catch (AdminRequestException e) {
            notices.error("Not deleted", e.getMessage());
        }
    }
}
