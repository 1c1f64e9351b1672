package dev.llmrouter.web.admin.backends;

import dev.llmrouter.backend.BackendHealth;
import dev.llmrouter.backend.BackendRegistry;
import dev.llmrouter.backend.InferenceBackend;
import dev.llmrouter.web.admin.Notices;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The backends page: read-only. Load and breaker state are read live on every render; health is
 * probed only when asked, because a probe is a call to the upstream.
 */
@Named
@ViewScoped
public class BackendList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    BackendRegistry registry;

    @Inject
    Notices notices;

    private final Map<String, BackendHealth> health = new HashMap<>();

    public List<BackendRow> getRows() {
        return registry.all().stream()
                .map(b -> new BackendRow(b.definition(), registry.load(b.id()).orElse(null), health.get(b.id())))
                .toList();
    }

    /** Asks every upstream whether it can serve its model now. Reads only, so viewers may do it too. */
    public void probe() {
        int down = 0;
        for (InferenceBackend backend : registry.all()) {
            BackendHealth result = backend.probe();
            health.put(backend.id(), result);
            if (!result.up()) {
                down++;
            }
        }
        notices.info("Health checked", down == 0 ? "Every backend answered." : down + " backend(s) did not answer.");
    }
}
