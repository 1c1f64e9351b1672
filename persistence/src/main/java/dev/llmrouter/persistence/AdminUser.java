package dev.llmrouter.persistence;

import java.time.Instant;
import java.util.Set;

/** An operator of the admin API and console, without the password hash. */
public record AdminUser(String username, Set<String> roles, boolean disabled, Instant createdAt) {

    public AdminUser {
        roles = Set.copyOf(roles);
    }
}
