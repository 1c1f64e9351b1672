package dev.llmrouter.backend.admin;

import dev.llmrouter.backend.BackendHealth;
import dev.llmrouter.backend.BackendLoad;
import java.time.Instant;

/**
 * A backend as the admin API shows it: its settings as in effect (defaults filled in), where it is
 * defined, and on this instance whether it runs, its load, breaker state, model residency and health.
 * The API key never appears: only the name of the property it comes from and whether that is set.
 *
 * @param maxConcurrency null for a backend that is not running and has no setting of its own (the default applies)
 * @param running false when disabled, or when it could not be started (see the server log)
 * @param load    null when not running
 * @param health  null when not running or not asked for
 */
public record BackendView(
        String name,
        String kind,
        String tier,
        String baseUrl,
        String upstreamModel,
        long inputMicrosPerMillion,
        long outputMicrosPerMillion,
        Integer maxConcurrency,
        Integer maxWaitQueue,
        long connectTimeoutMs,
        long readTimeoutMs,
        long ttftTimeoutMs,
        String apiKeyRef,
        boolean apiKeySet,
        boolean allowPrivateNetwork,
        boolean enabled,
        boolean simulated,
        String source,
        Instant updatedAt,
        boolean running,
        BackendLoad load,
        BackendHealth health) {
}
