package dev.llmrouter.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * The budgets that govern one caller: the tenant-wide budget and the key's own, each null when absent,
 * with the tenant's policy for free tiers once the money is gone.
 */
public record CallerBudgets(boolean freeTiersWhenExhausted, BudgetAccount tenantBudget, BudgetAccount keyBudget) {

    /** The budgets that exist, tenant-wide first. */
    public List<BudgetAccount> accounts() {
        List<BudgetAccount> accounts = new ArrayList<>(2);
        if (tenantBudget != null) {
            accounts.add(tenantBudget);
        }
        if (keyBudget != null) {
            accounts.add(keyBudget);
        }
        return accounts;
    }

    /** Whether {@code account} is the key's own budget rather than the tenant's. */
    public boolean isKeyBudget(BudgetAccount account) {
        return keyBudget != null && keyBudget.id() == account.id();
    }
}
