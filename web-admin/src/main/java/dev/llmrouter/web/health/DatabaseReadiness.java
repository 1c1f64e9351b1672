package dev.llmrouter.web.health;

import dev.llmrouter.persistence.DatabaseStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    DatabaseStatus database;

    @Override
    public HealthCheckResponse call() {
        boolean reachable = database.reachable();
        Optional<String> version = reachable ? database.schemaVersion() : Optional.empty();
        return HealthCheckResponse.named("database")
                .status(reachable && version.isPresent())
                .withData("reachable", reachable)
                .withData("schemaVersion", version.orElse("none"))
                .build();
    }
}
