package dev.llmrouter.web.admin.budgets;

import dev.llmrouter.admin.AdminRequestException;
import dev.llmrouter.budget.BudgetAdministration;
import dev.llmrouter.persistence.Tenant;
import dev.llmrouter.tenant.TenantAdministration;
import dev.llmrouter.usage.ReportWindow;
import dev.llmrouter.usage.UsageOverview;
import dev.llmrouter.web.admin.ConsoleUser;
import dev.llmrouter.web.admin.Money;
import dev.llmrouter.web.admin.Notices;
import dev.llmrouter.web.admin.dashboard.BudgetStanding;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The budgets page: every tenant-wide budget as it stands, and a form to set or remove one. */
@Named
@ViewScoped
public class BudgetList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UsageOverview overview;

    @Inject
    BudgetAdministration budgets;

    @Inject
    TenantAdministration tenants;

    @Inject
    ConsoleUser user;

    @Inject
    Notices notices;

    private Long tenantId;
    private String limit;
    private String softLimit;
    private String period = "MONTHLY";

    public List<BudgetStanding> getRows() {
        return overview.summarize(ReportWindow.HOUR, null).budgets().stream().map(BudgetStanding::new).toList();
    }

    public List<Tenant> getTenants() {
        return tenants.list();
    }

    public void save() {
        if (!user.mayChange() || tenantId == null) {
            return;
        }
        try {
            Long limitMicros = Money.parseUsd(limit);
            if (limitMicros == null) {
                notices.error("Not changed", "Enter a limit in USD.");
                return;
            }
            budgets.put(user.getName(), tenantId, limitMicros, Money.parseUsd(softLimit), period);
            notices.info("Budget saved", Money.usd(limitMicros) + " " + period.toLowerCase());
        } catch (NumberFormatException | ArithmeticException e) {
            notices.error("Not changed", "Amounts are in USD, for example 50 or 12.5.");
        } catch (AdminRequestException e) {
            notices.error("Not changed", e.getMessage());
        }
    }

    public void remove(long budgetTenantId) {
        if (!user.mayChange()) {
            return;
        }
        try {
            budgets.delete(user.getName(), budgetTenantId);
            notices.info("Budget removed", "The tenant is unlimited now.");
        } catch (AdminRequestException e) {
            notices.error("Not changed", e.getMessage());
        }
    }

    public String[] getPeriods() {
        return new String[] {"DAILY", "WEEKLY", "MONTHLY", "NONE"};
    }

    public Long getTenantId() {
        return tenantId;
    }

    public void setTenantId(Long tenantId) {
        this.tenantId = tenantId;
    }

    public String getLimit() {
        return limit;
    }

    public void setLimit(String limit) {
        this.limit = limit;
    }

    public String getSoftLimit() {
        return softLimit;
    }

    public void setSoftLimit(String softLimit) {
        this.softLimit = softLimit;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }
}
