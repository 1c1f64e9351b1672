package dev.llmrouter.backend.internal;

import dev.llmrouter.backend.BackendDefinition;
import dev.llmrouter.backend.ConfiguredBackend;
import dev.llmrouter.backend.admin.UrlPolicy;
import dev.llmrouter.chat.Tier;
import dev.llmrouter.persistence.Backends;
import dev.llmrouter.persistence.StoredBackend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Turns the enabled rows of the {@code backends} table into backend definitions. An empty setting
 * takes its MicroProfile Config default: prices from {@code <kind>.input-micros-per-mtok} and
 * {@code <kind>.output-micros-per-mtok}, timeouts from {@code router.backend.*-timeout-ms}, guards as
 * for any backend. The API key is read from the config property the row names, at build time only.
 */
@ApplicationScoped
public class StoredBackendDefinitions {

    private static final Logger LOG = Logger.getLogger(StoredBackendDefinitions.class.getName());

    @Inject
    Backends backends;

    @Inject
    Config config;

    @Inject
    BackendUrlPolicy urlPolicy;

    /** Enabled stored backends whose URL passes the rules; the others are skipped with a warning. */
    public List<ConfiguredBackend> enabled() {
        List<ConfiguredBackend> result = new ArrayList<>();
        UrlPolicy policy = urlPolicy.policy();
        for (StoredBackend row : backends.all()) {
            if (!row.enabled()) {
                continue;
            }
            try {
                policy.check(row.baseUrl(), row.allowPrivateNetwork());
                result.add(toConfigured(row, key -> config.getOptionalValue(key, String.class)));
            } catch (RuntimeException e) {
                LOG.warning(() -> "Stored backend " + row.name() + " is not started: " + e.getMessage());
            }
        }
        return result;
    }

    public static ConfiguredBackend toConfigured(StoredBackend row, Function<String, Optional<String>> config) {
        Tier tier = Tier.valueOf(row.tier());
        String apiKey = row.apiKeyRef() == null ? null
                : config.apply(row.apiKeyRef()).filter(k -> !k.isBlank()).orElse(null);
        BackendDefinition definition = new BackendDefinition(row.name(), row.kind(), tier, URI.create(row.baseUrl()),
                row.upstreamModel(), apiKey,
                price(row.inputMicrosPerMillion(), row.kind() + ".input-micros-per-mtok", config),
                price(row.outputMicrosPerMillion(), row.kind() + ".output-micros-per-mtok", config),
                millis(row.connectTimeoutMs(), "router.backend.connect-timeout-ms", 5_000, config),
                millis(row.readTimeoutMs(), "router.backend.read-timeout-ms", 120_000, config),
                millis(row.ttftTimeoutMs(), "router.backend.ttft-timeout-ms", 60_000, config),
                row.simulated());
        Map<String, String> overrides = new HashMap<>();
        if (row.maxConcurrency() != null) {
            overrides.put("router.backend." + row.name() + ".max-concurrency", row.maxConcurrency().toString());
        }
        if (row.maxWaitQueue() != null) {
            overrides.put("router.backend." + row.name() + ".max-wait-queue", row.maxWaitQueue().toString());
        }
        return new ConfiguredBackend(definition, overrides, ConfiguredBackend.Origin.DATABASE);
    }

    private static long price(Long stored, String key, Function<String, Optional<String>> config) {
        return stored != null ? stored : config.apply(key).map(String::strip).map(Long::parseLong).orElse(0L);
    }

    private static Duration millis(Integer stored, String key, long fallback,
                                   Function<String, Optional<String>> config) {
        return Duration.ofMillis(stored != null ? stored
                : config.apply(key).map(String::strip).map(Long::parseLong).orElse(fallback));
    }
}
