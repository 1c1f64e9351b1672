package dev.llmrouter.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The one way into the admin API and console:
 * <ul>
 * <li>{@code Authorization: Basic} on a request under {@code /admin/} (API clients, scripts, tests);</li>
 * <li>{@code SecurityContext.authenticate(...)} with a {@link UsernamePasswordCredential} (the console's
 * login form);</li>
 * <li>a protected resource without a caller: 401 with an OpenAI-style body under {@code /admin/api/},
 * otherwise a redirect to the console's login page.</li>
 * </ul>
 * The session remembers a login, so the password hash is checked once per session, not per page.
 * Everything else, the OpenAI API under {@code /v1} included, passes untouched.
 */
@ApplicationScoped
@AutoApplySession
public class AdminAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String REALM = "llm-router-admin";
    public static final String LOGIN_PAGE = "/admin/login.xhtml";
    static final String ADMIN_PREFIX = "/admin/";
    static final String API_PREFIX = "/admin/api/";
    private static final String BASIC = "Basic ";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = path(request);
        String authorization = request.getHeader("Authorization");
        if (path.startsWith(ADMIN_PREFIX) && authorization != null
                && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            Optional<UsernamePasswordCredential> credential = basicCredential(authorization);
            CredentialValidationResult result = credential.map(identityStores::validate)
                    .orElse(CredentialValidationResult.INVALID_RESULT);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            return unauthorized(response, "Wrong admin username or password.");
        }
        Credential credential = context.getAuthParameters() == null ? null
                : context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential instanceof UsernamePasswordCredential login) {
            CredentialValidationResult result = identityStores.validate(login);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            // The login page shows its own message; no status or body is forced on it.
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (context.isProtected()) {
            if (path.startsWith(API_PREFIX)) {
                return unauthorized(response, "The admin API needs an admin user (HTTP Basic authentication).");
            }
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        return uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
    }

    static Optional<UsernamePasswordCredential> basicCredential(String authorization) {
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon),
                    decoded.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String message) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(errorBody(message));
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    static String errorBody(String message) {
        return Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                .add("message", message)
                .add("type", "authentication_error")
                .addNull("param")
                .add("code", "invalid_admin_credentials")).build().toString();
    }
}
