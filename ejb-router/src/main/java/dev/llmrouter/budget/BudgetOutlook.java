package dev.llmrouter.budget;

import java.io.Serializable;

/**
 * How a caller's money stands, for ranking (admission still decides): what its budgets can still pay
 * ({@code null}: unlimited) and the factor by which the cost weight rises because it spends faster than
 * its period allows (1: on pace or no budget).
 */
public record BudgetOutlook(Long leftMicros, double pacing, String note) implements Serializable {

    public static final BudgetOutlook UNLIMITED = new BudgetOutlook(null, 1.0, null);

    public BudgetOutlook {
        if (!(pacing >= 1)) {
            throw new IllegalArgumentException("pacing must be at least 1: " + pacing);
        }
    }
}
