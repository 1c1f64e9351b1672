package dev.llmrouter.web.api.admin;

import dev.llmrouter.backend.admin.BackendAdminException;
import dev.llmrouter.backend.admin.BackendConflictException;
import dev.llmrouter.backend.admin.BackendNotFoundException;
import dev.llmrouter.web.api.error.ErrorBody;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class BackendAdminExceptionMapper implements ExceptionMapper<BackendAdminException> {

    @Override
    public Response toResponse(BackendAdminException e) {
        int status = e instanceof BackendNotFoundException ? 404 : e instanceof BackendConflictException ? 409 : 400;
        String type = status == 404 ? ErrorBody.NOT_FOUND : ErrorBody.INVALID_REQUEST;
        return ErrorBody.response(status, type, e.code(), e.param(), e.getMessage());
    }
}
