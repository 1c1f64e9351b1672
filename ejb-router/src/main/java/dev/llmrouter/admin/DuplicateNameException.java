package dev.llmrouter.admin;

/** An admin request would create a second object with a name that must be unique. */
public class DuplicateNameException extends AdminRequestException {

    public DuplicateNameException(String param, String message) {
        super(param, message);
    }
}
