package dev.llmrouter.backend.ollama;

import dev.llmrouter.backend.BackendDefinition;
import dev.llmrouter.backend.BackendFactory;
import dev.llmrouter.backend.InferenceBackend;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class OllamaBackendFactory implements BackendFactory {

    public static final String KIND = "ollama";
    static final Duration DEFAULT_PS_INTERVAL = Duration.ofSeconds(5);

    /** How old the last {@code /api/ps} answer may be before the next question about residency polls again. */
    @Inject
    @ConfigProperty(name = "router.backend.ollama.ps-interval-ms", defaultValue = "5000")
    long psIntervalMs;

    @Resource
    ManagedExecutorService executor;

    /** One monitor per Ollama server: every model on it shares one {@code /api/ps} poll. */
    private final Map<URI, ResidencyMonitor> monitors = new ConcurrentHashMap<>();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public InferenceBackend create(BackendDefinition definition) {
        ResidencyMonitor monitor = monitors.computeIfAbsent(definition.baseUri(), uri -> ResidencyMonitor.of(
                // Outside a container (unit tests) there is no managed executor: poll on the asking thread.
                OllamaBackend.modelsClient(definition), executor != null ? executor : Runnable::run, Duration.ofMillis(Math.max(100, psIntervalMs))));
        return new OllamaBackend(definition, monitor);
    }
}
