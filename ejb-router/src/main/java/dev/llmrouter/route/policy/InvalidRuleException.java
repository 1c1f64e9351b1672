package dev.llmrouter.route.policy;

import dev.llmrouter.admin.InvalidSettingException;

/** A rule's condition or action cannot be read; {@code param} names the field. */
public class InvalidRuleException extends InvalidSettingException {

    public InvalidRuleException(String param, String message) {
        super(param, message);
    }
}
