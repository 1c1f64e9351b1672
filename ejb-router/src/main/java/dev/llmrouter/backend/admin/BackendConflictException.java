package dev.llmrouter.backend.admin;

/** The name is taken, or the backend is defined in configuration and cannot be changed here (409). */
public class BackendConflictException extends BackendAdminException {

    public BackendConflictException(String message) {
        super("backend_conflict", "name", message);
    }
}
