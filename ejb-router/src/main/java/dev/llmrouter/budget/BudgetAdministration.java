package dev.llmrouter.budget;

import dev.llmrouter.admin.AdminAccounts;
import dev.llmrouter.admin.AdminTransaction;
import dev.llmrouter.admin.InvalidSettingException;
import dev.llmrouter.admin.UnknownObjectException;
import dev.llmrouter.audit.AuditTrail;
import dev.llmrouter.persistence.BudgetAccount;
import dev.llmrouter.persistence.TenantBudgets;
import dev.llmrouter.persistence.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Optional;

/**
 * A tenant's budget for the admin API: limit, soft limit and period. A new budget, or one whose period
 * changes, starts its period now (database clock); changing only the amounts keeps the period and what
 * was spent in it. Spent and reserved amounts are only ever changed by admission and settlement.
 */
@ApplicationScoped
public class BudgetAdministration {

    @Inject
    TenantBudgets budgets;

    @Inject
    Tenants tenants;

    @Inject
    AuditTrail audit;

    @Inject
    AdminAccounts accounts;

    @Inject
    AdminTransaction transaction;

    public Optional<BudgetAccount> get(long tenantId) {
        requireTenant(tenantId);
        return budgets.find(tenantId);
    }

    public BudgetAccount put(String actor, long tenantId, long limitMicros, Long softLimitMicros, String period) {
        accounts.requireAdmin(actor);
        requireTenant(tenantId);
        if (limitMicros < 0) {
            throw new InvalidSettingException("limit_micros", "'limit_micros' must not be negative.");
        }
        if (softLimitMicros != null && (softLimitMicros < 0 || softLimitMicros > limitMicros)) {
            throw new InvalidSettingException("soft_limit_micros",
                    "'soft_limit_micros' must be between 0 and 'limit_micros'.");
        }
        BudgetPeriod budgetPeriod = period(period);
        JsonObjectBuilder detail = Json.createObjectBuilder().add("limit_micros", limitMicros)
                .add("period", budgetPeriod.name());
        if (softLimitMicros == null) {
            detail.addNull("soft_limit_micros");
        } else {
            detail.add("soft_limit_micros", softLimitMicros);
        }
        return transaction.run(() -> {
            Instant now = budgets.databaseNow();
            BudgetAccount account = budgets.put(tenantId, limitMicros, softLimitMicros, budgetPeriod.name(), now,
                    budgetPeriod.firstReset(now));
            audit.record(actor, "budget.put", "tenant:" + tenantId, detail.build());
            return account;
        });
    }

    /** Removes the budget: the tenant becomes unlimited. */
    public void delete(String actor, long tenantId) {
        accounts.requireAdmin(actor);
        requireTenant(tenantId);
        if (budgets.find(tenantId).isEmpty()) {
            throw new UnknownObjectException("tenant_id", "Tenant " + tenantId + " has no budget.");
        }
        transaction.run(() -> {
            budgets.delete(tenantId);
            audit.record(actor, "budget.delete", "tenant:" + tenantId, null);
            return null;
        });
    }

    private static BudgetPeriod period(String period) {
        if (period == null) {
            return BudgetPeriod.MONTHLY;
        }
        try {
            return BudgetPeriod.valueOf(period);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("period", "'period' must be NONE, DAILY, WEEKLY or MONTHLY.");
        }
    }

    private void requireTenant(long tenantId) {
        if (tenants.findById(tenantId).isEmpty()) {
            throw new UnknownObjectException("tenant_id", "No tenant " + tenantId + ".");
        }
    }
}
