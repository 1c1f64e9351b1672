package dev.llmrouter.admin;

/** A field of an admin request is missing, malformed or out of range. */
public class InvalidSettingException extends AdminRequestException {

    public InvalidSettingException(String param, String message) {
        super(param, message);
    }
}
