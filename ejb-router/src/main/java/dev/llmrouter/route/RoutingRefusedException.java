package dev.llmrouter.route;

import jakarta.ejb.ApplicationException;

/**
 * No backend may take the request: routing rules forbid every candidate, or each is predicted to cost
 * more than the request allows. Retrying the same request cannot help.
 */
@ApplicationException
public class RoutingRefusedException extends RouterException {

    public RoutingRefusedException(String message) {
        super("routing_refused", message);
    }
}
