package dev.llmrouter.backend.admin;

/** No backend of that name (404). */
public class BackendNotFoundException extends BackendAdminException {

    public BackendNotFoundException(String name) {
        super("backend_not_found", null, "no backend named '" + name + "'");
    }
}
