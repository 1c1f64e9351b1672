package dev.llmrouter.web.api.error;

import dev.llmrouter.admin.AdminRequestException;
import dev.llmrouter.route.RouterException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Anything else: logged with an incident id, answered with that id and nothing internal. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof RouterException routerException) {
            return new RouterExceptionMapper().toResponse(routerException);
        }
        if (cause instanceof AdminRequestException adminException) {
            return new AdminRequestExceptionMapper().toResponse(adminException);
        }
        if (cause instanceof ApiException apiException) {
            return ErrorBody.response(apiException);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
        return ErrorBody.response(500, ErrorBody.SERVER, "internal_error", null,
                "The router failed unexpectedly (incident " + incident + ").");
    }
}
