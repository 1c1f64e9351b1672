package dev.llmrouter.admin;

/** The acting admin user may not make this change (not a router-admin, or disabled meanwhile). */
public class PermissionDeniedException extends AdminRequestException {

    public PermissionDeniedException(String message) {
        super(null, message);
    }
}
