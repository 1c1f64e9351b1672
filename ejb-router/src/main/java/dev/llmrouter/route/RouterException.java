package dev.llmrouter.route;

/**
 * A request the router could not serve, with an OpenAI-style error type and code the API layer
 * turns into a status and body.
 */
public abstract class RouterException extends RuntimeException {

    private final String code;

    protected RouterException(String code, String message) {
        super(message);
        this.code = code;
    }

    protected RouterException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
