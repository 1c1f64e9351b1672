package dev.llmrouter.backend;

import dev.llmrouter.backend.internal.BackendCatalog;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The backends this instance can route to, built once from their definitions by the matching
 * factory, each wrapped in its own guards (retry, breaker, bulkhead).
 */
@ApplicationScoped
public class BackendRegistry {

    private static final Logger LOG = Logger.getLogger(BackendRegistry.class.getName());

    @Inject
    BackendCatalog catalog;

    @Inject
    @Any
    Instance<BackendFactory> factories;

    @Inject
    Config config;

    private Map<String, GuardedBackend> backends = Map.of();

    @PostConstruct
    void build() {
        Map<String, BackendFactory> byKind = factories.stream()
                .collect(Collectors.toMap(BackendFactory::kind, Function.identity()));
        Map<String, GuardedBackend> built = new LinkedHashMap<>();
        for (BackendDefinition definition : catalog.definitions()) {
            BackendFactory factory = byKind.get(definition.kind());
            if (factory == null) {
                LOG.severe(() -> "No backend factory for kind '" + definition.kind() + "'; skipping " + definition.id());
                continue;
            }
            if (built.containsKey(definition.id())) {
                LOG.severe(() -> "Duplicate backend id '" + definition.id() + "'; keeping the first");
                continue;
            }
            GuardSettings settings = GuardSettings.resolve(definition,
                    key -> config.getOptionalValue(key, String.class));
            built.put(definition.id(), new GuardedBackend(factory.create(definition), settings));
            LOG.info(() -> "Backend " + definition + " guarded by " + settings);
        }
        backends = Collections.unmodifiableMap(built);
    }

    /** In configuration order. */
    public List<InferenceBackend> all() {
        return List.copyOf(backends.values());
    }

    public Optional<InferenceBackend> find(String id) {
        return Optional.ofNullable(backends.get(id));
    }

    /** Live load and breaker state of every backend, in configuration order. */
    public List<BackendLoad> loads() {
        return backends.values().stream().map(GuardedBackend::load).toList();
    }

    public Optional<BackendLoad> load(String id) {
        return Optional.ofNullable(backends.get(id)).map(GuardedBackend::load);
    }
}
