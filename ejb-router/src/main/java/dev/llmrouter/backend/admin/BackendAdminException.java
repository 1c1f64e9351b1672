package dev.llmrouter.backend.admin;

/** An administrator's request about backends that cannot be carried out; the API layer maps each subclass. */
public abstract class BackendAdminException extends RuntimeException {

    private final String code;
    private final String param;

    protected BackendAdminException(String code, String param, String message) {
        super(message);
        this.code = code;
        this.param = param;
    }

    public String code() {
        return code;
    }

    /** The request field at fault, or null. */
    public String param() {
        return param;
    }
}
