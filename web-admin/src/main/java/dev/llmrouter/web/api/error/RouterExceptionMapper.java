package dev.llmrouter.web.api.error;

import dev.llmrouter.budget.BudgetExceededException;
import dev.llmrouter.budget.BudgetUnavailableException;
import dev.llmrouter.route.AuthenticationFailedException;
import dev.llmrouter.route.ModelNotFoundException;
import dev.llmrouter.route.NoEligibleBackendException;
import dev.llmrouter.route.RouterException;
import dev.llmrouter.route.RoutingRefusedException;
import dev.llmrouter.route.UpstreamFailedException;
import dev.llmrouter.stats.NothingToJudgeException;
import dev.llmrouter.stats.RequestNotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.OptionalLong;

@Provider
public class RouterExceptionMapper implements ExceptionMapper<RouterException> {

    @Override
    public Response toResponse(RouterException e) {
        Response response = ErrorBody.response(status(e), type(e), e.code(),
                e instanceof ModelNotFoundException ? "model" : null, e.getMessage());
        OptionalLong retryAfter = retryAfter(e);
        if (retryAfter.isPresent()) {
            return Response.fromResponse(response).header("Retry-After", retryAfter.getAsLong()).build();
        }
        return response;
    }

    /** Retrying an exhausted budget before its period resets cannot succeed: tell the client when it can. */
    static OptionalLong retryAfter(RouterException e) {
        return e instanceof BudgetExceededException exceeded ? exceeded.retryAfterSeconds() : OptionalLong.empty();
    }

    static int status(RouterException e) {
        if (e instanceof AuthenticationFailedException) {
            return 401;
        }
        if (e instanceof ModelNotFoundException || e instanceof RequestNotFoundException) {
            return 404;
        }
        if (e instanceof NothingToJudgeException) {
            return 409;
        }
        if (e instanceof RoutingRefusedException) {
            return 422;
        }
        if (e instanceof BudgetExceededException) {
            return 429;
        }
        if (e instanceof NoEligibleBackendException || e instanceof BudgetUnavailableException) {
            return 503;
        }
        if (e instanceof UpstreamFailedException upstream) {
            return upstream.isTimeout() ? 504 : 502;
        }
        return 500;
    }

    static String type(RouterException e) {
        return switch (status(e)) {
            case 429 -> ErrorBody.BUDGET_EXCEEDED;
            case 401 -> ErrorBody.AUTHENTICATION;
            case 404 -> ErrorBody.NOT_FOUND;
            case 409 -> ErrorBody.CONFLICT;
            case 422 -> ErrorBody.INVALID_REQUEST;
            case 502, 504 -> ErrorBody.UPSTREAM;
            case 503 -> ErrorBody.UNAVAILABLE;
            default -> ErrorBody.SERVER;
        };
    }
}
