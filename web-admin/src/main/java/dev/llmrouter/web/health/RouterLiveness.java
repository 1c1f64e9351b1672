package dev.llmrouter.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the JVM has memory to work with; dependencies belong to readiness, not liveness. */
@Liveness
@ApplicationScoped
public class RouterLiveness implements HealthCheck {

    static final double MAX_HEAP_USED = 0.95;

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        double fraction = (double) used / runtime.maxMemory();
        return HealthCheckResponse.named("router")
                .status(fraction < MAX_HEAP_USED)
                .withData("heapUsedFraction", String.format("%.2f", fraction))
                .build();
    }
}
