package dev.llmrouter.web.health;

import dev.llmrouter.backend.BackendHealth;
import dev.llmrouter.backend.BackendRegistry;
import dev.llmrouter.backend.InferenceBackend;
import dev.llmrouter.backend.Residency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports every backend's state, but is UP while any of them can serve: one tier being down makes
 * the router route around it, not stop taking traffic. Each entry also shows the backend's breaker
 * state, this instance's calls in flight and waiting there, and for Ollama whether the model is
 * loaded (from {@code /api/ps}).
 */
@Readiness
@ApplicationScoped
public class BackendsReadiness implements HealthCheck {

    @Inject
    BackendRegistry registry;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("backends");
        boolean anyUp = false;
        for (InferenceBackend backend : registry.all()) {
            BackendHealth health = backend.probe();
            anyUp |= health.up();
            String load = registry.load(backend.id())
                    .map(l -> "; breaker " + l.breakerState() + ", in flight " + l.inFlight() + "/" + l.maxConcurrency()
                            + ", waiting " + l.waiting() + "/" + l.maxWaiting() + residency(l.residency()))
                    .orElse("");
            response.withData(backend.id(), (health.up() ? "UP" : "DOWN") + " (" + backend.tier().name().toLowerCase()
                    + (backend.definition().simulated() ? ", simulated" : "") + "): " + health.detail() + load);
        }
        return response.status(anyUp).build();
    }

    /** Only servers that load models on demand say anything here (Ollama's /api/ps). */
    private static String residency(Residency residency) {
        return switch (residency) {
            case RESIDENT -> ", model loaded";
            case NOT_LOADED -> ", model not loaded (cold load on next call)";
            case UNKNOWN -> ", model residency unknown";
            case NOT_APPLICABLE -> "";
        };
    }
}
