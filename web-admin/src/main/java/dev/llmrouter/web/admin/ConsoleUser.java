package dev.llmrouter.web.admin;

import dev.llmrouter.admin.AdminAccounts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;

/**
 * The signed-in operator. {@code router-admin} may change everything, {@code router-viewer} may only
 * look. Pages hide what a viewer cannot do; every action still asks {@link #mayChange()} on the server.
 */
@Named
@RequestScoped
public class ConsoleUser {

    public static final String ADMIN = AdminAccounts.ADMIN;
    public static final String VIEWER = AdminAccounts.VIEWER;

    @Inject
    SecurityContext security;

    @Inject
    Notices notices;

    public String getName() {
        Principal caller = security.getCallerPrincipal();
        return caller == null ? null : caller.getName();
    }

    public boolean isAdmin() {
        return security.isCallerInRole(ADMIN);
    }

    public String getRoleLabel() {
        if (isAdmin()) {
            return ADMIN;
        }
        return security.isCallerInRole(VIEWER) ? VIEWER : "no role";
    }

    /** True for an admin; otherwise tells the user why nothing happened and returns false. */
    public boolean mayChange() {
        if (isAdmin()) {
            return true;
        }
        notices.error("Not allowed", "Your role (" + getRoleLabel() + ") may look but not change anything.");
        return false;
    }
}
