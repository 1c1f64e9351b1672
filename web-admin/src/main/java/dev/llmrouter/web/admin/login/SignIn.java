package dev.llmrouter.web.admin.login;

import dev.llmrouter.web.admin.Notices;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.logging.Logger;

/** The login page: hands the credential to the application's authentication mechanism. */
@Named
@RequestScoped
public class SignIn {

    static final String HOME = "/admin/dashboard/index?faces-redirect=true";
    private static final Logger LOG = Logger.getLogger(SignIn.class.getName());

    @Inject
    SecurityContext security;

    @Inject
    Notices notices;

    private String username;
    private String password;

    public String signIn() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username == null ? "" : username,
                                new Password(password == null ? "" : password))));
        password = null;
        return switch (status) {
            case SUCCESS -> {
                // A new session id after login: a session id planted before it is worth nothing.
                if (request.getSession(false) != null) {
                    request.changeSessionId();
                }
                yield HOME;
            }
            case SEND_CONTINUE -> {
                faces.responseComplete();
                yield null;
            }
            default -> {
                LOG.info(() -> "Console sign-in refused for '" + username + "'");
                notices.error("Sign-in failed", "Unknown user, wrong password or disabled account.");
                yield null;
            }
        };
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
