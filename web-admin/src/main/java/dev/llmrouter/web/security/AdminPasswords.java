package dev.llmrouter.web.security;

import dev.llmrouter.admin.InvalidSettingException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.HashMap;
import java.util.Map;

/** Hashes new admin passwords with the container's PBKDF2, as the identity store verifies them. */
@ApplicationScoped
public class AdminPasswords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    @Inject
    Pbkdf2PasswordHash hash;

    @PostConstruct
    void init() {
        Map<String, String> parameters = new HashMap<>();
        for (String parameter : AdminIdentityStore.hashParameters()) {
            int eq = parameter.indexOf('=');
            parameters.put(parameter.substring(0, eq), parameter.substring(eq + 1));
        }
        hash.initialize(parameters);
    }

    /** The stored form of a new password; refuses passwords too short to resist guessing. */
    public String hash(String param, String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new InvalidSettingException(param,
                    "'" + param + "' must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long.");
        }
        return hash.generate(password.toCharArray());
    }
}
