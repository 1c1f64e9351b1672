package dev.llmrouter.web.api.admin;

import jakarta.ws.rs.core.SecurityContext;

/** The admin user acting, as the audit log names it. */
final class Actors {

    private Actors() {
    }

    static String of(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }
}
