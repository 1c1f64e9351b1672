package dev.llmrouter.backend.admin;

import dev.llmrouter.backend.BackendDefinition;
import dev.llmrouter.audit.AuditTrail;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import dev.llmrouter.backend.BackendFactory;
import dev.llmrouter.backend.BackendHealth;
import dev.llmrouter.backend.BackendLoad;
import dev.llmrouter.backend.BackendRegistry;
import dev.llmrouter.backend.ConfiguredBackend;
import dev.llmrouter.backend.InferenceBackend;
import dev.llmrouter.backend.internal.BackendUrlPolicy;
import dev.llmrouter.backend.internal.StoredBackendDefinitions;
import dev.llmrouter.persistence.BackendNameTakenException;
import dev.llmrouter.persistence.Backends;
import dev.llmrouter.persistence.StoredBackend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;

/**
 * Lists, creates, changes, switches and deletes backends. Backends of MicroProfile Config are listed
 * but read-only here (their settings live in the environment); stored ones are validated
 * ({@link BackendValidation}, {@link UrlPolicy}) before they reach the table, and this instance
 * refreshes its registry at once, every other one within {@code router.backends.refresh-ms}.
 */
@ApplicationScoped
public class BackendAdministration {

    @Inject
    Backends backends;

    @Inject
    BackendRegistry registry;

    @Inject
    BackendUrlPolicy urlPolicy;

    @Inject
    @Any
    Instance<BackendFactory> factories;

    @Inject
    Config config;

    @Inject
    AuditTrail audit;

    /** Every backend, configuration first; {@code probe} also asks each running one's upstream for its health. */
    public List<BackendView> list(boolean probe) {
        List<BackendView> views = new ArrayList<>();
        for (ConfiguredBackend source : registry.configured()) {
            views.add(view(source, null, probe));
        }
        for (StoredBackend row : backends.all()) {
            views.add(viewOf(row, probe));
        }
        return views;
    }

    public BackendView get(String name, boolean probe) {
        Optional<ConfiguredBackend> fromConfig = configDefined(name);
        if (fromConfig.isPresent()) {
            return view(fromConfig.get(), null, probe);
        }
        return viewOf(backends.find(name).orElseThrow(() -> new BackendNotFoundException(name)), probe);
    }

    public BackendView create(BackendSpec spec, String actor) {
        StoredBackend row = validation().validate(spec, spec == null ? null : spec.name());
        if (configDefined(row.name()).isPresent()) {
            throw new BackendConflictException("'" + row.name() + "' is defined in the configuration");
        }
        StoredBackend created;
        try {
            created = backends.create(row);
        } catch (BackendNameTakenException e) {
            throw new BackendConflictException(e.getMessage());
        }
        audit.record(actor, "backend.create", "backend:" + created.name(), detail(created));
        return afterWrite(created);
    }

    /** Replaces every setting; the name in the path wins over one in the body, which must match if given. */
    public BackendView update(String name, BackendSpec spec, String actor) {
        refuseConfigDefined(name);
        if (spec != null && spec.name() != null && !spec.name().equals(name)) {
            throw new InvalidBackendException("name", "a backend cannot be renamed; create one and delete this one");
        }
        StoredBackend row = validation().validate(spec, name);
        StoredBackend updated = backends.update(row).orElseThrow(() -> new BackendNotFoundException(name));
        audit.record(actor, "backend.update", "backend:" + name, detail(updated));
        return afterWrite(updated);
    }

    public BackendView setEnabled(String name, boolean enabled, String actor) {
        refuseConfigDefined(name);
        StoredBackend updated = backends.setEnabled(name, enabled).orElseThrow(() -> new BackendNotFoundException(name));
        audit.record(actor, enabled ? "backend.enable" : "backend.disable", "backend:" + name, null);
        return afterWrite(updated);
    }

    public void delete(String name, String actor) {
        refuseConfigDefined(name);
        if (!backends.delete(name)) {
            throw new BackendNotFoundException(name);
        }
        audit.record(actor, "backend.delete", "backend:" + name, null);
        registry.refresh();
    }

    private BackendValidation validation() {
        Set<String> kinds = new TreeSet<>();
        factories.forEach(f -> kinds.add(f.kind()));
        return new BackendValidation(kinds, urlPolicy.policy(), key -> config.getOptionalValue(key, String.class));
    }

    private BackendView afterWrite(StoredBackend row) {
        registry.refresh();
        return viewOf(row, false);
    }

    private Optional<ConfiguredBackend> configDefined(String name) {
        return registry.configured().stream().filter(c -> c.id().equals(name)).findFirst();
    }

    private void refuseConfigDefined(String name) {
        if (configDefined(name).isPresent()) {
            throw new BackendConflictException("'" + name + "' is defined in the configuration (environment); "
                    + "change it there, or define a stored backend under another name");
        }
    }

    private BackendView viewOf(StoredBackend row, boolean probe) {
        ConfiguredBackend source = StoredBackendDefinitions.toConfigured(row,
                key -> config.getOptionalValue(key, String.class));
        return view(source, row, probe);
    }

    private BackendView view(ConfiguredBackend source, StoredBackend row, boolean probe) {
        BackendDefinition d = source.definition();
        // A stored backend runs only while enabled and equal to its row (a refresh may still be pending).
        Optional<InferenceBackend> running = registry.find(d.id())
                .filter(b -> registry.source(d.id()).map(source::equals).orElse(false));
        BackendLoad load = running.flatMap(b -> registry.load(d.id())).orElse(null);
        BackendHealth health = probe ? running.map(InferenceBackend::probe).orElse(null) : null;
        Integer maxConcurrency = load != null ? Integer.valueOf(load.maxConcurrency())
                : row == null ? null : row.maxConcurrency();
        Integer maxWaitQueue = load != null ? Integer.valueOf(load.maxWaiting()) : row == null ? null : row.maxWaitQueue();
        return new BackendView(d.id(), d.kind(), d.tier().name(), d.baseUri().toString(), d.upstreamModel(),
                d.inputMicrosPerMillion(), d.outputMicrosPerMillion(), maxConcurrency, maxWaitQueue,
                d.connectTimeout().toMillis(), d.readTimeout().toMillis(), d.ttftTimeout().toMillis(),
                row == null ? null : row.apiKeyRef(), d.apiKey() != null,
                row != null && row.allowPrivateNetwork(), row == null || row.enabled(), d.simulated(),
                source.origin().name().toLowerCase(), row == null ? null : row.updatedAt(),
                running.isPresent(), load, health);
    }

    /** What the audit log keeps of a write: the settings that decide where traffic goes (never a key). */
    private static JsonObject detail(StoredBackend row) {
        return Json.createObjectBuilder().add("kind", row.kind()).add("tier", String.valueOf(row.tier()))
                .add("base_url", row.baseUrl()).add("model", row.upstreamModel()).add("enabled", row.enabled())
                .build();
    }
}
