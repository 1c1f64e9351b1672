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

/** The backends this instance can route to, built once from their definitions by the matching factory. */
@ApplicationScoped
public class BackendRegistry {

    private static final Logger LOG = Logger.getLogger(BackendRegistry.class.getName());

    @Inject
    BackendCatalog catalog;

    @Inject
    @Any
    Instance<BackendFactory> factories;

    private Map<String, InferenceBackend> backends = Map.of();

    @PostConstruct
    void build() {
        Map<String, BackendFactory> byKind = factories.stream()
                .collect(Collectors.toMap(BackendFactory::kind, Function.identity()));
        Map<String, InferenceBackend> built = new LinkedHashMap<>();
        for (BackendDefinition definition : catalog.definitions()) {
            BackendFactory factory = byKind.get(definition.kind());
            if (factory == null) {
                LOG.severe(() -> "No backend factory for kind '" + definition.kind() + "'; skipping " + definition.id());
                continue;
            }
            if (built.putIfAbsent(definition.id(), factory.create(definition)) != null) {
                LOG.severe(() -> "Duplicate backend id '" + definition.id() + "'; keeping the first");
                continue;
            }
            LOG.info(() -> "Backend " + definition);
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
}
