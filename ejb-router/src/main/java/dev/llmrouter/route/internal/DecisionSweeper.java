package dev.llmrouter.route.internal;

import dev.llmrouter.persistence.RoutingDecisions;
import dev.llmrouter.persistence.RoutingStorageException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forgets decisions older than {@code router.decisions.retention-days}: each keeps the prompt's embedding,
 * and feedback on a month-old answer teaches little. What feedback taught stays in the labelled outcomes.
 */
@Singleton
public class DecisionSweeper {

    private static final Logger LOG = Logger.getLogger(DecisionSweeper.class.getName());

    @Inject
    RoutingDecisions decisions;

    @Inject
    @ConfigProperty(name = "router.decisions.retention-days", defaultValue = "30")
    int retentionDays;

    @Schedule(hour = "*", minute = "23", second = "41", persistent = false)
    void sweep() {
        try {
            int removed = decisions.purgeBefore(Instant.now().minus(Duration.ofDays(Math.max(1, retentionDays))));
            if (removed > 0) {
                LOG.fine(() -> "Forgot " + removed + " routing decisions");
            }
        } catch (RoutingStorageException e) {
            LOG.log(Level.WARNING, "Old routing decisions could not be purged; next hour again", e);
        }
    }
}
