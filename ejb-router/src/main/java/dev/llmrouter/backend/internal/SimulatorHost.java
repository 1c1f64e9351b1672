package dev.llmrouter.backend.internal;

import dev.llmrouter.simulator.SimulatedUpstream;
import dev.llmrouter.simulator.SimulatorProfile;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the built-in simulated upstream inside the server when {@code router.simulator.enabled}:
 * real HTTP on the loopback interface, Ollama, OpenAI and Anthropic protocols, answers labelled simulated.
 */
@ApplicationScoped
public class SimulatorHost {

    private static final Logger LOG = Logger.getLogger(SimulatorHost.class.getName());

    @Inject
    @ConfigProperty(name = "router.simulator.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "router.simulator.port", defaultValue = "0")
    int port;

    @Resource
    ManagedThreadFactory threadFactory;

    private ExecutorService executor;
    private SimulatedUpstream upstream;

    public boolean enabled() {
        return enabled;
    }

    public synchronized URI ollamaBaseUri() {
        return started().ollamaBaseUri();
    }

    public synchronized URI openAiBaseUri() {
        return started().openAiBaseUri();
    }

    public synchronized URI anthropicBaseUri() {
        return started().anthropicBaseUri();
    }

    private SimulatedUpstream started() {
        if (upstream == null) {
            executor = Executors.newCachedThreadPool(threadFactory);
            upstream = SimulatedUpstream.start("127.0.0.1", port, SimulatorProfile.local(), SimulatorProfile.cloud(),
                    Set.of(BackendCatalog.SIM_LOCAL, BackendCatalog.SIM_LOCAL_LARGE), executor);
            LOG.info(() -> "SIMULATED upstream (Ollama, OpenAI and Anthropic protocols) listening on 127.0.0.1:"
                    + upstream.port());
        }
        return upstream;
    }

    @PreDestroy
    synchronized void stop() {
        if (upstream != null) {
            upstream.close();
            executor.shutdownNow();
            upstream = null;
        }
    }
}
