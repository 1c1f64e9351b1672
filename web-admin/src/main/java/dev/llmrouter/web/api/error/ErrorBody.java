package dev.llmrouter.web.api.error;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds OpenAI's error envelope. */
public final class ErrorBody {

    public static final String INVALID_REQUEST = "invalid_request_error";
    public static final String AUTHENTICATION = "authentication_error";
    public static final String NOT_FOUND = "not_found_error";
    public static final String PERMISSION = "permission_error";
    public static final String CONFLICT = "conflict_error";
    public static final String UPSTREAM = "upstream_error";
    public static final String UNAVAILABLE = "service_unavailable";
    public static final String BUDGET_EXCEEDED = "budget_exceeded";
    public static final String SERVER = "server_error";

    private ErrorBody() {
    }

    public static JsonObject of(String type, String code, String param, String message) {
        JsonObjectBuilder error = Json.createObjectBuilder().add("message", message).add("type", type);
        if (param == null) {
            error.addNull("param");
        } else {
            error.add("param", param);
        }
        if (code == null) {
            error.addNull("code");
        } else {
            error.add("code", code);
        }
        return Json.createObjectBuilder().add("error", error).build();
    }

    public static Response response(int status, String type, String code, String param, String message) {
        Response.ResponseBuilder builder = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(of(type, code, param, message).toString());
        if (status == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }

    public static Response response(ApiException e) {
        return response(e.status(), e.type(), e.code(), e.param(), e.getMessage());
    }
}
