package dev.llmrouter.web.security;

import dev.llmrouter.admin.AdminAccounts;
import dev.llmrouter.admin.InvalidSettingException;
import dev.llmrouter.startup.ApplicationStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives a fresh installation its first admin user, {@code admin} with role router-admin, from
 * {@code ROUTER_BOOTSTRAP_ADMIN_PASSWORD}. Does nothing once any admin user exists, so the variable
 * can stay set without resetting a password that was changed since. Hashing happens here because the
 * container's password hash is a web-tier (Jakarta Security) bean.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    @ConfigProperty(name = "router.bootstrap.admin-password")
    Optional<String> bootstrapPassword;

    @Inject
    ApplicationStartup startup;

    @Inject
    AdminAccounts accounts;

    @Inject
    AdminPasswords passwords;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // The schema must exist first; calling the start-up singleton waits for its migration.
        if (!startup.migrated()) {
            return;
        }
        if (!accounts.list().isEmpty()) {
            return;
        }
        Optional<String> password = bootstrapPassword.filter(p -> !p.isBlank());
        if (password.isEmpty()) {
            LOG.warning("No admin user exists and ROUTER_BOOTSTRAP_ADMIN_PASSWORD is not set:"
                    + " the admin API and console cannot be used yet");
            return;
        }
        try {
            accounts.ensureFirstAdmin(passwords.hash("ROUTER_BOOTSTRAP_ADMIN_PASSWORD", password.get()));
        } catch (InvalidSettingException e) {
            LOG.severe(() -> "No admin user created: " + e.getMessage());
        }
    }
}
