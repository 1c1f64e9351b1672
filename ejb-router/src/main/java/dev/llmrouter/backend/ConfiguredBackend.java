package dev.llmrouter.backend;

import java.util.Map;
import java.util.Objects;

/**
 * One backend the registry should run: its definition, guard settings that outrank MicroProfile
 * Config (full keys such as {@code router.backend.<id>.max-concurrency}), and where it was defined.
 * Two equal values build the same backend, so an unchanged one keeps its breaker and bulkhead.
 */
public record ConfiguredBackend(BackendDefinition definition, Map<String, String> guardOverrides, Origin origin) {

    public enum Origin {
        /** Environment / MicroProfile Config, including the simulated backends: changed by a restart only. */
        CONFIG,
        /** The {@code backends} table, managed through the admin API. */
        DATABASE
    }

    public ConfiguredBackend {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(origin, "origin");
        guardOverrides = guardOverrides == null ? Map.of() : Map.copyOf(guardOverrides);
    }

    public static ConfiguredBackend fromConfig(BackendDefinition definition) {
        return new ConfiguredBackend(definition, Map.of(), Origin.CONFIG);
    }

    public String id() {
        return definition.id();
    }
}
