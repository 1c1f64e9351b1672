package dev.llmrouter.web.admin;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Set;

/** A signed-in caller with fixed roles. */
public class FakeSecurityContext implements SecurityContext {

    private final String name;
    private final Set<String> roles;

    public FakeSecurityContext(String name, String... roles) {
        this.name = name;
        this.roles = Set.of(roles);
    }

    @Override
    public Principal getCallerPrincipal() {
        return () -> name;
    }

    @Override
    public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) {
        return Set.of();
    }

    @Override
    public boolean isCallerInRole(String role) {
        return roles.contains(role);
    }

    @Override
    public boolean hasAccessToWebResource(String resource, String... methods) {
        return false;
    }

    @Override
    public AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                             AuthenticationParameters parameters) {
        throw new UnsupportedOperationException();
    }

    public static ConsoleUser user(RecordingNotices notices, String name, String... roles) {
        ConsoleUser user = new ConsoleUser();
        user.security = new FakeSecurityContext(name, roles);
        user.notices = notices;
        return user;
    }
}
