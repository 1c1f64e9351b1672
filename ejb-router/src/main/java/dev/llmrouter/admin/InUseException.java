package dev.llmrouter.admin;

/** An admin request would delete something others still refer to. */
public class InUseException extends AdminRequestException {

    public InUseException(String param, String message) {
        super(param, message);
    }
}
