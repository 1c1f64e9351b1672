package dev.llmrouter.web.admin.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Ends the session: the caller is logged out and everything stored in the session is gone. */
@Named
@RequestScoped
public class SignOut {

    private static final Logger LOG = Logger.getLogger(SignOut.class.getName());

    public String signOut() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            ((HttpServletRequest) external.getRequest()).logout();
        } catch (ServletException e) {
            LOG.log(Level.WARNING, "Logout failed; invalidating the session anyway", e);
        }
        external.invalidateSession();
        return "/admin/login?faces-redirect=true";
    }
}
