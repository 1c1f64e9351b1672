package dev.llmrouter.route;

import jakarta.ejb.ApplicationException;

@ApplicationException
public class AuthenticationFailedException extends RouterException {

    public AuthenticationFailedException() {
        super("invalid_api_key", "Incorrect or missing API key. Send 'Authorization: Bearer <key>'.");
    }
}
