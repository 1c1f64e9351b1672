package dev.llmrouter.backend.internal;

import dev.llmrouter.backend.BackendRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Re-reads the stored backends every {@code router.backends.refresh-ms}, so that a backend created,
 * changed, switched or deleted on one instance is routed to (or not) by every instance within
 * seconds, without a restart. The interval is configurable, hence a programmatic timer.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BackendRefresher {

    private static final Logger LOG = Logger.getLogger(BackendRefresher.class.getName());

    @Resource
    TimerService timers;

    @Inject
    BackendRegistry registry;

    @Inject
    @ConfigProperty(name = "router.backends.refresh-ms", defaultValue = "2000")
    long intervalMs;

    @PostConstruct
    void start() {
        long interval = Math.max(100, intervalMs);
        timers.createIntervalTimer(interval, interval, new TimerConfig("backend-registry-refresh", false));
    }

    @Timeout
    void refresh() {
        try {
            registry.refresh();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Refreshing the backends failed; the next run tries again", e);
        }
    }
}
