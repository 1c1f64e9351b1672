package dev.llmrouter.backend.internal;

import dev.llmrouter.backend.BackendDefinition;
import dev.llmrouter.backend.ConfiguredBackend;
import dev.llmrouter.chat.Tier;
import dev.llmrouter.persistence.Backends;
import dev.llmrouter.persistence.StoredBackend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    /** How long a refused URL stays refused before it is checked again (its DNS answer may have been transient). */
    private static final Duration RECHECK_REFUSED = Duration.ofMinutes(1);

    /** URL decisions by "allow|url": the refresh runs every few seconds and should not resolve names each time. */
    private final Map<String, UrlDecision> decisions = new ConcurrentHashMap<>();

    private record UrlDecision(String refusal, Instant at) {
    }

    /** Enabled stored backends whose URL passes the rules; the others are skipped with a warning. */
    public List<ConfiguredBackend> enabled() {
        List<ConfiguredBackend> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (StoredBackend row : backends.all()) {
            if (!row.enabled()) {
                continue;
            }
            String key = row.allowPrivateNetwork() + "|" + row.baseUrl();
            seen.add(key);
            String refusal = decide(key, row);
            if (refusal != null) {
                continue;
            }
            try {
                result.add(toConfigured(row, k -> config.getOptionalValue(k, String.class)));
            } catch (RuntimeException e) {
                LOG.warning(() -> "Stored backend " + row.name() + " is not started: " + e.getMessage());
            }
        }
        decisions.keySet().retainAll(seen);
        return result;
    }

    /** Null when the URL may be called, else why not; logs a refusal once per decision. */
    private String decide(String key, StoredBackend row) {
        UrlDecision known = decisions.get(key);
        if (known != null && (known.refusal() == null || known.at().plus(RECHECK_REFUSED).isAfter(Instant.now()))) {
            return known.refusal();
        }
        String refusal = null;
        try {
            urlPolicy.policy().check(row.baseUrl(), row.allowPrivateNetwork());
        } catch (RuntimeException e) {
            refusal = e.getMessage();
        }
        if (refusal != null && (known == null || !refusal.equals(known.refusal()))) {
            String why = refusal;
            LOG.warning(() -> "Stored backend " + row.name() + " is not started: " + why);
        }
        decisions.put(key, new UrlDecision(refusal, Instant.now()));
        return refusal;
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
