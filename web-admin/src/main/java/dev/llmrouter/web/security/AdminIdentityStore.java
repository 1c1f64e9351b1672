package dev.llmrouter.web.security;

import dev.llmrouter.admin.AdminAccounts;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Admin users live in the router's database; a user's roles are its groups, and groups map onto
 * roles of the same name. Disabled users cannot log in. The hash parameters apply to new hashes only:
 * every stored hash names its own algorithm and iterations.
 */
@ApplicationScoped
@DeclareRoles({AdminAccounts.ADMIN, AdminAccounts.VIEWER})
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "jdbc/router",
        callerQuery = "select password_hash from admin_users where username = ? and not disabled",
        groupsQuery = "select role from admin_user_roles where username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        hashAlgorithmParameters = {
            AdminIdentityStore.ALGORITHM, AdminIdentityStore.ITERATIONS,
            AdminIdentityStore.SALT_BYTES, AdminIdentityStore.KEY_BYTES
        })
public class AdminIdentityStore {

    /** OWASP's recommendation for PBKDF2: HMAC-SHA-512, 210,000 iterations (about 160 ms of CPU per check here). */
    static final String ALGORITHM = "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA512";
    static final String ITERATIONS = "Pbkdf2PasswordHash.Iterations=210000";
    static final String SALT_BYTES = "Pbkdf2PasswordHash.SaltSizeBytes=32";
    static final String KEY_BYTES = "Pbkdf2PasswordHash.KeySizeBytes=64";

    static String[] hashParameters() {
        return new String[] {ALGORITHM, ITERATIONS, SALT_BYTES, KEY_BYTES};
    }
}
