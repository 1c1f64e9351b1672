package dev.llmrouter.web.api.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmrouter.budget.BudgetExceededException;
import dev.llmrouter.budget.BudgetUnavailableException;
import dev.llmrouter.route.AuthenticationFailedException;
import dev.llmrouter.route.ModelNotFoundException;
import dev.llmrouter.route.NoEligibleBackendException;
import dev.llmrouter.route.RouterException;
import dev.llmrouter.route.UpstreamFailedException;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RouterExceptionMapperTest {

    @Test
    void authenticationFailureIs401() {
        AuthenticationFailedException e = new AuthenticationFailedException();

        assertEquals(401, RouterExceptionMapper.status(e));
        assertEquals("invalid_api_key", e.code());
    }

    @Test
    void unknownModelIs404() {
        ModelNotFoundException e = new ModelNotFoundException("gpt-9");

        assertEquals(404, RouterExceptionMapper.status(e));
        assertEquals("model_not_found", e.code());
    }

    @Test
    void noEligibleBackendIs503() {
        assertEquals(503, RouterExceptionMapper.status(new NoEligibleBackendException("none")));
    }

    @Test
    void upstreamFailureIs502AndUpstreamTimeoutIs504() {
        UpstreamFailedException failed = new UpstreamFailedException("all failed", false);
        UpstreamFailedException timedOut = new UpstreamFailedException("all timed out", true);

        assertEquals(502, RouterExceptionMapper.status(failed));
        assertEquals("upstream_error", failed.code());
        assertEquals(504, RouterExceptionMapper.status(timedOut));
        assertEquals("upstream_timeout", timedOut.code());
    }

    @Test
    void exhaustedBudgetIs429WithRetryAfterUntilTheReset() {
        BudgetExceededException e = new BudgetExceededException("over", 3600L);

        assertEquals(429, RouterExceptionMapper.status(e));
        assertEquals("budget_exceeded", RouterExceptionMapper.type(e));
        assertEquals("budget_exceeded", e.code());
        assertEquals(OptionalLong.of(3600), RouterExceptionMapper.retryAfter(e));
    }

    @Test
    void exhaustedBudgetWithoutPeriodHasNoRetryAfter() {
        BudgetExceededException e = new BudgetExceededException("over", null);

        assertEquals(429, RouterExceptionMapper.status(e));
        assertEquals(OptionalLong.empty(), RouterExceptionMapper.retryAfter(e));
        assertEquals(OptionalLong.empty(), RouterExceptionMapper.retryAfter(new ModelNotFoundException("x")));
    }

    @Test
    void budgetThatCannotBeCheckedIs503() {
        BudgetUnavailableException e = new BudgetUnavailableException("db down", new IllegalStateException());

        assertEquals(503, RouterExceptionMapper.status(e));
        assertEquals("service_unavailable", RouterExceptionMapper.type(e));
    }

    @Test
    void anyOtherRouterExceptionIs500() {
        RouterException other = new RouterException("weird", "something else") {
        };

        assertEquals(500, RouterExceptionMapper.status(other));
    }
}
