package dev.llmrouter.stats;

import dev.llmrouter.route.RouterException;
import jakarta.ejb.ApplicationException;

/** Feedback names a request id the calling tenant never sent (or whose decision was already purged). */
@ApplicationException
public class RequestNotFoundException extends RouterException {

    public RequestNotFoundException(String requestId) {
        super("request_not_found", "No request '" + requestId + "' of this tenant is on record.");
    }
}
