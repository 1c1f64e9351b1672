package dev.llmrouter.web.api.error;

import dev.llmrouter.admin.AdminRequestException;
import dev.llmrouter.admin.DuplicateNameException;
import dev.llmrouter.admin.InUseException;
import dev.llmrouter.admin.PermissionDeniedException;
import dev.llmrouter.admin.UnknownObjectException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Refused admin writes: 403 not permitted, 404 unknown object, 409 name taken or still in use, 400 anything invalid. */
@Provider
public class AdminRequestExceptionMapper implements ExceptionMapper<AdminRequestException> {

    @Override
    public Response toResponse(AdminRequestException e) {
        if (e instanceof UnknownObjectException) {
            return ErrorBody.response(404, ErrorBody.NOT_FOUND, "not_found", e.param(), e.getMessage());
        }
        if (e instanceof PermissionDeniedException) {
            return ErrorBody.response(403, ErrorBody.PERMISSION, "insufficient_role", null, e.getMessage());
        }
        if (e instanceof InUseException) {
            return ErrorBody.response(409, ErrorBody.CONFLICT, "in_use", e.param(), e.getMessage());
        }
        if (e instanceof DuplicateNameException) {
            return ErrorBody.response(409, ErrorBody.CONFLICT, "already_exists", e.param(), e.getMessage());
        }
        return ErrorBody.response(400, ErrorBody.INVALID_REQUEST, "invalid_value", e.param(), e.getMessage());
    }
}
