package dev.llmrouter.budget;

import dev.llmrouter.route.RouterException;
import jakarta.ejb.ApplicationException;
import java.util.OptionalLong;

/** The worst-case cost of a call does not fit in what is left of the tenant's budget. */
@ApplicationException
public class BudgetExceededException extends RouterException {

    public static final String CODE = "budget_exceeded";

    private final Long retryAfterSeconds;

    /** {@code retryAfterSeconds} is null when the budget never resets. */
    public BudgetExceededException(String message, Long retryAfterSeconds) {
        super(CODE, message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds until the budget's period resets; empty for a budget without periods. */
    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds == null ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
    }
}
