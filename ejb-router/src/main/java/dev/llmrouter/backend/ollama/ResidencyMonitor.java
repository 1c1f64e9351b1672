package dev.llmrouter.backend.ollama;

import dev.langchain4j.model.ollama.OllamaModels;
import dev.langchain4j.model.ollama.RunningOllamaModel;
import dev.llmrouter.backend.Residency;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What one Ollama server holds in memory, from its {@code /api/ps}. Asking never waits for the
 * network: the answer comes from the last poll, and a poll older than the interval starts a new one
 * in the background (so an idle router does not poll at all). A successful call marks its model
 * loaded at once, since Ollama loads a model to answer.
 */
final class ResidencyMonitor {

    private static final Logger LOG = Logger.getLogger(ResidencyMonitor.class.getName());

    /** Names of the loaded models (as /api/ps lists them, both "name" and "model") and their expiry. */
    private final Supplier<Map<String, Instant>> poll;
    private final Executor executor;
    private final Duration interval;
    private final Clock clock;
    private final AtomicBoolean polling = new AtomicBoolean();
    private volatile Map<String, Instant> loaded;
    private volatile Instant polledAt = Instant.MIN;

    ResidencyMonitor(Supplier<Map<String, Instant>> poll, Executor executor, Duration interval, Clock clock) {
        this.poll = poll;
        this.executor = executor;
        this.interval = interval;
        this.clock = clock;
    }

    static ResidencyMonitor of(OllamaModels models, Executor executor, Duration interval) {
        return new ResidencyMonitor(() -> loadedModels(models.runningModels().content()), executor, interval,
                Clock.systemUTC());
    }

    private static Map<String, Instant> loadedModels(List<RunningOllamaModel> running) {
        Map<String, Instant> loaded = new HashMap<>();
        for (RunningOllamaModel model : running) {
            // No expiry means "until unloaded" (keep_alive -1 reports a date centuries ahead anyway).
            Instant until = model.getExpiresAt() == null ? Instant.MAX : model.getExpiresAt().toInstant();
            if (model.getName() != null) {
                loaded.put(model.getName(), until);
            }
            if (model.getModel() != null) {
                loaded.put(model.getModel(), until);
            }
        }
        return loaded;
    }

    Residency residency(String model) {
        Instant now = clock.instant();
        if (polledAt.plus(interval).isBefore(now) && polling.compareAndSet(false, true)) {
            try {
                executor.execute(this::pollNow);
            } catch (RuntimeException e) {
                polling.set(false);
                LOG.log(Level.FINE, "Cannot schedule an /api/ps poll", e);
            }
        }
        Map<String, Instant> known = loaded;
        if (known == null) {
            return Residency.UNKNOWN;
        }
        Instant until = known.get(canonical(model));
        return until != null && until.isAfter(now) ? Residency.RESIDENT : Residency.NOT_LOADED;
    }

    /** The model answered, so it is loaded now (for at least Ollama's default five minutes). */
    void used(String model) {
        Map<String, Instant> known = loaded;
        if (known != null) {
            Map<String, Instant> updated = new HashMap<>(known);
            updated.merge(canonical(model), clock.instant().plus(Duration.ofMinutes(5)),
                    (old, fresh) -> old.isAfter(fresh) ? old : fresh);
            loaded = Map.copyOf(updated);
        }
    }

    void pollNow() {
        try {
            Map<String, Instant> now = new HashMap<>();
            poll.get().forEach((name, until) -> now.put(canonical(name), until == null ? Instant.MAX : until));
            loaded = Map.copyOf(now);
        } catch (RuntimeException e) {
            // Unreachable server: nothing is known, and health says so; no cold-load guess either way.
            loaded = null;
            LOG.log(Level.FINE, "Ollama /api/ps poll failed", e);
        } finally {
            polledAt = clock.instant();
            polling.set(false);
        }
    }

    /** Ollama resolves a bare name to its ":latest" tag. */
    static String canonical(String model) {
        return model.contains(":") ? model : model + ":latest";
    }
}
