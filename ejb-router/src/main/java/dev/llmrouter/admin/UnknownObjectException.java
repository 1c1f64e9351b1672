package dev.llmrouter.admin;

/** An admin request names a tenant, key or user that does not exist. */
public class UnknownObjectException extends AdminRequestException {

    public UnknownObjectException(String param, String message) {
        super(param, message);
    }
}
