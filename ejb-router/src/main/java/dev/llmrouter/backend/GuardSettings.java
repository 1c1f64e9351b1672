package dev.llmrouter.backend;

import dev.llmrouter.chat.Tier;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How hard one backend is guarded. Each key under {@code router.backend.} is looked up for the
 * backend's id first ({@code router.backend.sim-cloud.retry.max-attempts}), then for its tier
 * ({@code router.backend.cloud.max-concurrency}), then for every backend, then a built-in default.
 */
record GuardSettings(int maxAttempts, Duration backoff, Duration jitter, Duration maxRetryAfter,
                     float failureRatePercent, int slidingWindow, int minimumCalls, Duration openDuration,
                     int halfOpenCalls, int maxConcurrency, int maxWaitQueue, Duration maxWait) {

    private static final String PREFIX = "router.backend.";

    GuardSettings {
        if (maxAttempts < 1 || slidingWindow < 1 || minimumCalls < 1 || halfOpenCalls < 1 || maxConcurrency < 1
                || maxWaitQueue < 0) {
            throw new IllegalArgumentException("guard counts must be positive: " + maxAttempts + ", " + slidingWindow
                    + ", " + minimumCalls + ", " + halfOpenCalls + ", " + maxConcurrency + ", " + maxWaitQueue);
        }
        if (failureRatePercent <= 0 || failureRatePercent > 100) {
            throw new IllegalArgumentException("breaker failure rate must be in (0, 100]: " + failureRatePercent);
        }
        // Jitter at or above the delay could make a retry fire at once, hammering a struggling upstream.
        if (jitter.compareTo(backoff) >= 0) {
            jitter = backoff.dividedBy(2);
        }
    }

    static GuardSettings resolve(BackendDefinition backend, Function<String, Optional<String>> config) {
        Lookup in = new Lookup(backend, config);
        boolean local = backend.tier() == Tier.LOCAL;
        return new GuardSettings(
                in.integer("retry.max-attempts", 2),
                in.millis("retry.backoff-ms", 200),
                in.millis("retry.jitter-ms", 100),
                in.millis("retry.max-retry-after-ms", 5_000),
                (float) in.number("breaker.failure-rate-percent", 50),
                in.integer("breaker.sliding-window", 20),
                in.integer("breaker.minimum-calls", 10),
                in.millis("breaker.open-ms", 30_000),
                in.integer("breaker.half-open-calls", 2),
                // A local GPU serves a few streams at once; a cloud API many more.
                in.integer("max-concurrency", local ? 4 : 16),
                in.integer("max-wait-queue", local ? 32 : 64),
                in.millis("max-wait-ms", 10_000));
    }

    private record Lookup(BackendDefinition backend, Function<String, Optional<String>> config) {

        String value(String key) {
            String tier = backend.tier().name().toLowerCase(Locale.ROOT);
            return config.apply(PREFIX + backend.id() + "." + key)
                    .or(() -> config.apply(PREFIX + tier + "." + key))
                    .or(() -> config.apply(PREFIX + key))
                    .map(String::strip)
                    .orElse(null);
        }

        int integer(String key, int fallback) {
            String value = value(key);
            try {
                return value == null ? fallback : Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(PREFIX + key + " is not a whole number: " + value, e);
            }
        }

        double number(String key, double fallback) {
            String value = value(key);
            try {
                return value == null ? fallback : Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(PREFIX + key + " is not a number: " + value, e);
            }
        }

        Duration millis(String key, long fallback) {
            return Duration.ofMillis(Math.max(0, integer(key, (int) fallback)));
        }
    }
}
