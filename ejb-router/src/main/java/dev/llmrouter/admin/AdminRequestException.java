package dev.llmrouter.admin;

import jakarta.ejb.ApplicationException;

/** An admin request the router refuses; {@code param} names the offending field, or is null. */
@ApplicationException(rollback = true)
public abstract class AdminRequestException extends RuntimeException {

    private final String param;

    protected AdminRequestException(String param, String message) {
        super(message);
        this.param = param;
    }

    public String param() {
        return param;
    }
}
