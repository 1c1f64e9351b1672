package dev.llmrouter.route;

import jakarta.ejb.ApplicationException;

@ApplicationException
public class NoEligibleBackendException extends RouterException {

    public NoEligibleBackendException(String message) {
        super("no_backend_available", message);
    }
}
