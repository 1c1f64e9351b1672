package dev.llmrouter.web.api.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 404 for unknown paths, 403, 405, 406, 415 and friends, in the same error shape as everything else. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String reason = Response.Status.fromStatusCode(status) == null
                ? "HTTP " + status : Response.Status.fromStatusCode(status).getReasonPhrase();
        if (status == 403) {
            // @RolesAllowed refusing an authenticated caller: a router-viewer attempting a write.
            return ErrorBody.response(403, ErrorBody.PERMISSION, "insufficient_role", null,
                    "Your role does not allow this request.");
        }
        String type = status == 404 ? ErrorBody.NOT_FOUND : status >= 500 ? ErrorBody.SERVER : ErrorBody.INVALID_REQUEST;
        return ErrorBody.response(status, type, null, null, reason);
    }
}
