package dev.llmrouter.admin;

import dev.llmrouter.audit.AuditTrail;
import dev.llmrouter.persistence.AdminUser;
import dev.llmrouter.persistence.AdminUsers;
import dev.llmrouter.persistence.StartupLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Admin users: {@value #ADMIN} may do everything, {@value #VIEWER} may only read. Every change is
 * audited under the acting user's name.
 */
@ApplicationScoped
public class AdminAccounts {

    public static final String ADMIN = "router-admin";
    public static final String VIEWER = "router-viewer";
    public static final Set<String> ROLES = Set.of(ADMIN, VIEWER);
    public static final String BOOTSTRAP_USER = "admin";
    /** The audit actor of changes the router makes by itself. */
    public static final String SYSTEM = "system";

    private static final Logger LOG = Logger.getLogger(AdminAccounts.class.getName());
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    @Inject
    AdminUsers users;

    @Inject
    AuditTrail audit;

    @Inject
    StartupLock startupLock;

    @Inject
    AdminTransaction transaction;

    /**
     * The service-side check behind every admin write, whatever the web tier already decided: the actor
     * must be an enabled router-admin now (a console session may outlive a disabled account).
     */
    public void requireAdmin(String actor) {
        boolean allowed = actor != null && users.find(actor)
                .filter(user -> !user.disabled() && user.roles().contains(ADMIN))
                .isPresent();
        if (!allowed) {
            throw new PermissionDeniedException("Only an enabled " + ADMIN + " may change this.");
        }
    }

    public List<AdminUser> list() {
        return users.list();
    }

    public AdminUser create(String actor, String username, String passwordHash, String role) {
        requireAdmin(actor);
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidSettingException("username",
                    "'username' must be 1 to 64 letters, digits or . _ @ - characters.");
        }
        if (role == null || !ROLES.contains(role)) {
            throw new InvalidSettingException("role", "'role' must be '" + ADMIN + "' or '" + VIEWER + "'.");
        }
        if (users.find(username).isPresent()) {
            throw new DuplicateNameException("username", "An admin user '" + username + "' already exists.");
        }
        return transaction.run(() -> {
            if (!users.create(username, passwordHash, Set.of(role))) {
                throw new DuplicateNameException("username", "An admin user '" + username + "' already exists.");
            }
            audit.record(actor, "user.create", username, Json.createObjectBuilder().add("role", role).build());
            return users.find(username).orElseThrow();
        });
    }

    /** Disables or re-enables a user; nobody can disable themselves, so one admin always remains. */
    public AdminUser setDisabled(String actor, String username, boolean disabled) {
        requireAdmin(actor);
        if (disabled && username.equals(actor)) {
            throw new InvalidSettingException("username", "You cannot disable your own account.");
        }
        if (users.find(username).isEmpty()) {
            throw new UnknownObjectException("username", "No admin user '" + username + "'.");
        }
        return transaction.run(() -> {
            users.setDisabled(username, disabled);
            audit.record(actor, disabled ? "user.disable" : "user.enable", username, null);
            return users.find(username).orElseThrow();
        });
    }

    /**
     * Creates {@value #BOOTSTRAP_USER} with role {@value #ADMIN} when no admin user exists yet. Runs under
     * the start-up lock, so two instances starting together create it once.
     */
    public boolean ensureFirstAdmin(String passwordHash) {
        return startupLock.callLocked("llm-router.bootstrap-admin", () -> {
            if (users.any()) {
                return false;
            }
            // Inside the lock's transaction: the user and its audit row commit together.
            users.create(BOOTSTRAP_USER, passwordHash, Set.of(ADMIN));
            audit.record(SYSTEM, "user.create", BOOTSTRAP_USER,
                    Json.createObjectBuilder().add("role", ADMIN).add("bootstrap", true).build());
            LOG.info(() -> "Created admin user '" + BOOTSTRAP_USER + "' from ROUTER_BOOTSTRAP_ADMIN_PASSWORD");
            return true;
        });
    }
}
