package dev.llmrouter.backend;

import dev.llmrouter.backend.internal.BackendCatalog;
import dev.llmrouter.backend.internal.StoredBackendDefinitions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The backends this instance can route to: those of MicroProfile Config (fixed until a restart)
 * followed by the enabled ones of the {@code backends} table, which {@link #refresh()} reads again
 * every few seconds so that admin changes reach every instance. Each backend is built by the factory
 * of its kind and wrapped in its own guards (retry, breaker, bulkhead); a backend whose definition
 * did not change keeps its guards, so a refresh never resets a breaker.
 */
@ApplicationScoped
public class BackendRegistry {

    private static final Logger LOG = Logger.getLogger(BackendRegistry.class.getName());

    @Inject
    BackendCatalog catalog;

    @Inject
    StoredBackendDefinitions stored;

    @Inject
    @Any
    Instance<BackendFactory> factories;

    @Inject
    Config config;

    private List<ConfiguredBackend> fromConfig = List.of();
    private List<ConfiguredBackend> fromDatabase = List.of();
    private volatile Map<String, Running> backends = Map.of();
    private boolean storageWarned;

    private record Running(ConfiguredBackend source, GuardedBackend backend) {
    }

    @PostConstruct
    void build() {
        fromConfig = catalog.definitions().stream().map(ConfiguredBackend::fromConfig).toList();
        refresh();
    }

    /**
     * Reads the stored backends again and rebuilds what changed. When the table cannot be read, the
     * stored backends of the last successful read stay in service.
     */
    public synchronized void refresh() {
        try {
            fromDatabase = stored.enabled();
            if (storageWarned) {
                LOG.info("Stored backends readable again");
                storageWarned = false;
            }
        } catch (RuntimeException e) {
            if (!storageWarned) {
                LOG.log(Level.WARNING, "Cannot read stored backends; keeping the last known ones", e);
                storageWarned = true;
            }
        }
        List<ConfiguredBackend> wanted = new ArrayList<>(fromConfig);
        wanted.addAll(fromDatabase);
        backends = Collections.unmodifiableMap(build(wanted, backends));
    }

    private Map<String, Running> build(List<ConfiguredBackend> wanted, Map<String, Running> current) {
        Map<String, BackendFactory> byKind = factoriesByKind();
        Function<String, Optional<String>> settings = configLookup();
        Map<String, Running> built = new LinkedHashMap<>();
        for (ConfiguredBackend source : wanted) {
            String id = source.id();
            if (built.containsKey(id)) {
                LOG.severe(() -> "Duplicate backend id '" + id + "' (" + source.origin() + "); keeping the first");
                continue;
            }
            Running existing = current.get(id);
            if (existing != null && existing.source().equals(source)) {
                built.put(id, existing);
                continue;
            }
            BackendFactory factory = byKind.get(source.definition().kind());
            if (factory == null) {
                LOG.severe(() -> "No backend factory for kind '" + source.definition().kind() + "'; skipping " + id);
                continue;
            }
            try {
                GuardSettings guards = GuardSettings.resolve(source.definition(), key -> Optional
                        .ofNullable(source.guardOverrides().get(key))
                        .or(() -> settings.apply(key)));
                built.put(id, new Running(source, new GuardedBackend(factory.create(source.definition()), guards)));
                LOG.info(() -> (existing == null ? "Backend " : "Backend changed: ") + source.definition()
                        + " from " + source.origin() + ", guarded by " + guards);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Backend " + id + " could not be built; skipping it", e);
            }
        }
        current.keySet().stream().filter(id -> !built.containsKey(id))
                .forEach(id -> LOG.info(() -> "Backend " + id + " removed"));
        return built;
    }

    Map<String, BackendFactory> factoriesByKind() {
        return factories.stream().collect(Collectors.toMap(BackendFactory::kind, Function.identity()));
    }

    Function<String, Optional<String>> configLookup() {
        return key -> config.getOptionalValue(key, String.class);
    }

    /** In order: configuration first, then stored backends by name. */
    public List<InferenceBackend> all() {
        return backends.values().stream().map(r -> (InferenceBackend) r.backend()).toList();
    }

    public Optional<InferenceBackend> find(String id) {
        return Optional.ofNullable(backends.get(id)).map(Running::backend);
    }

    /** Where a running backend was defined. */
    public Optional<ConfiguredBackend> source(String id) {
        return Optional.ofNullable(backends.get(id)).map(Running::source);
    }

    /** The backends defined in MicroProfile Config, whether running or not. */
    public List<ConfiguredBackend> configured() {
        return fromConfig;
    }

    /** Live load and breaker state of every backend, in the order of {@link #all()}. */
    public List<BackendLoad> loads() {
        return backends.values().stream().map(r -> r.backend().load()).toList();
    }

    public Optional<BackendLoad> load(String id) {
        return Optional.ofNullable(backends.get(id)).map(r -> r.backend().load());
    }
}
