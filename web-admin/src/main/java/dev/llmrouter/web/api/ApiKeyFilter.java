package dev.llmrouter.web.api;

import dev.llmrouter.route.AuthenticationFailedException;
import dev.llmrouter.route.Caller;
import dev.llmrouter.route.RouterService;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Resolves {@code Authorization: Bearer <key>} to the tenant; the tenant comes from nowhere else. */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    static final String CALLER = "llm-router.caller";
    private static final String BEARER = "Bearer ";

    @Inject
    RouterService router;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new AuthenticationFailedException();
        }
        Caller caller = router.authenticate(header.substring(BEARER.length()).strip());
        request.setProperty(CALLER, caller);
    }

    /** Request properties are servlet request attributes, which resources can read on any thread. */
    static Caller caller(HttpServletRequest request) {
        return (Caller) request.getAttribute(CALLER);
    }
}
