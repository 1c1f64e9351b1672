package dev.llmrouter.budget;

import dev.llmrouter.route.RouterException;
import jakarta.ejb.ApplicationException;

/** The budget could not be checked, so no paid backend may be called: admission fails closed. */
@ApplicationException
public class BudgetUnavailableException extends RouterException {

    public BudgetUnavailableException(String message, Throwable cause) {
        super("service_unavailable", message, cause);
    }
}
