package dev.llmrouter.budget.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Router-wide budget enforcement settings; the budgets themselves are rows in the database. */
@ApplicationScoped
public class BudgetSettings {

    @Inject
    @ConfigProperty(name = "router.budget.default-max-output-tokens", defaultValue = "1024")
    int defaultMaxOutputTokens;

    /** Longer than any call can take (timeouts times retries), or a live call's reservation is charged early. */
    @Inject
    @ConfigProperty(name = "router.budget.reservation-ttl-seconds", defaultValue = "900")
    long reservationTtlSeconds;

    @Inject
    @ConfigProperty(name = "router.budget.sweep-interval-seconds", defaultValue = "60")
    long sweepIntervalSeconds;

    public int defaultMaxOutputTokens() {
        return defaultMaxOutputTokens;
    }

    public Duration reservationTtl() {
        return Duration.ofSeconds(reservationTtlSeconds);
    }

    public Duration sweepInterval() {
        return Duration.ofSeconds(Math.max(1, sweepIntervalSeconds));
    }
}
