package dev.llmrouter.backend.admin;

/** A backend setting that is malformed or not allowed (400). */
public class InvalidBackendException extends BackendAdminException {

    public InvalidBackendException(String param, String message) {
        super("invalid_backend", param, message);
    }

    protected InvalidBackendException(String code, String param, String message) {
        super(code, param, message);
    }
}
