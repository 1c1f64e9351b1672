package dev.llmrouter.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.backend.internal.BackendCatalog;
import dev.llmrouter.backend.internal.StoredBackendDefinitions;
import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.chat.Tier;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The registry's refresh: stored backends come and go, changed ones are rebuilt, unchanged ones keep their guards. */
class BackendRegistryTest {

    private final List<BackendDefinition> fromConfig = new ArrayList<>();
    private List<ConfiguredBackend> stored = new ArrayList<>();
    private RuntimeException storageFailure;
    private int built;

    private final BackendRegistry registry = new BackendRegistry() {
        @Override
        Map<String, BackendFactory> factoriesByKind() {
            return Map.of("test", new BackendFactory() {
                @Override
                public String kind() {
                    return "test";
                }

                @Override
                public InferenceBackend create(BackendDefinition definition) {
                    built++;
                    return new Fixed(definition);
                }
            });
        }

        @Override
        Function<String, Optional<String>> configLookup() {
            return key -> Optional.empty();
        }
    };

    BackendRegistryTest() {
        registry.catalog = new BackendCatalog() {
            @Override
            public List<BackendDefinition> definitions() {
                return fromConfig;
            }
        };
        registry.stored = new StoredBackendDefinitions() {
            @Override
            public List<ConfiguredBackend> enabled() {
                if (storageFailure != null) {
                    throw storageFailure;
                }
                return stored;
            }
        };
    }

    private static BackendDefinition definition(String id, String model) {
        return new BackendDefinition(id, "test", Tier.LOCAL, URI.create("http://127.0.0.1:1"), model, null, 0, 0,
                Duration.ofSeconds(1), Duration.ofSeconds(1), true);
    }

    private static ConfiguredBackend storedBackend(String id, String model, Map<String, String> overrides) {
        return new ConfiguredBackend(definition(id, model), overrides, ConfiguredBackend.Origin.DATABASE);
    }

    private List<String> ids() {
        return registry.all().stream().map(InferenceBackend::id).toList();
    }

    @Test
    void configurationFirstThenStoredBackends() {
        fromConfig.add(definition("cfg", "m"));
        stored = List.of(storedBackend("db", "m", Map.of()));

        registry.build();

        assertEquals(List.of("cfg", "db"), ids());
        assertEquals(ConfiguredBackend.Origin.DATABASE, registry.source("db").orElseThrow().origin());
    }

    @Test
    void anUnchangedBackendKeepsItsGuardsAcrossRefreshes() {
        stored = List.of(storedBackend("db", "m", Map.of()));
        registry.build();
        InferenceBackend before = registry.find("db").orElseThrow();

        registry.refresh();

        assertSame(before, registry.find("db").orElseThrow(), "same breaker and bulkhead");
        assertEquals(1, built);
    }

    @Test
    void aChangedBackendIsRebuiltAndTheGuardOverridesApply() {
        stored = List.of(storedBackend("db", "m", Map.of()));
        registry.build();
        InferenceBackend before = registry.find("db").orElseThrow();

        stored = List.of(storedBackend("db", "m", Map.of("router.backend.db.max-concurrency", "2",
                "router.backend.db.max-wait-queue", "1")));
        registry.refresh();

        assertNotSame(before, registry.find("db").orElseThrow());
        BackendLoad load = registry.load("db").orElseThrow();
        assertEquals(2, load.maxConcurrency());
        assertEquals(1, load.maxWaiting());
    }

    @Test
    void aDeletedOrDisabledBackendDisappears() {
        stored = List.of(storedBackend("a", "m", Map.of()), storedBackend("b", "m", Map.of()));
        registry.build();

        stored = List.of(storedBackend("b", "m", Map.of()));
        registry.refresh();

        assertEquals(List.of("b"), ids());
        assertTrue(registry.find("a").isEmpty());
    }

    @Test
    void aStoredBackendCannotShadowAConfiguredOne() {
        fromConfig.add(definition("same", "from-config"));
        stored = List.of(storedBackend("same", "from-db", Map.of()));

        registry.build();

        assertEquals(List.of("same"), ids());
        assertEquals("from-config", registry.find("same").orElseThrow().definition().upstreamModel());
    }

    @Test
    void anUnreadableTableKeepsTheLastKnownStoredBackends() {
        stored = List.of(storedBackend("db", "m", Map.of()));
        registry.build();

        storageFailure = new IllegalStateException("database down");
        registry.refresh();

        assertEquals(List.of("db"), ids());
    }

    @Test
    void anUnknownKindIsSkipped() {
        stored = List.of(new ConfiguredBackend(new BackendDefinition("x", "nope", Tier.CLOUD,
                URI.create("http://127.0.0.1:1"), "m", null, 0, 0, Duration.ofSeconds(1), Duration.ofSeconds(1), true),
                Map.of(), ConfiguredBackend.Origin.DATABASE));

        registry.build();

        assertEquals(List.of(), ids());
    }

    private record Fixed(BackendDefinition definition) implements InferenceBackend {
        @Override
        public String id() {
            return definition.id();
        }

        @Override
        public Tier tier() {
            return definition.tier();
        }

        @Override
        public BackendReply chat(ChatRequest request) {
            return new BackendReply("ok", "stop", dev.llmrouter.chat.Usage.NONE, 0, 0);
        }

        @Override
        public BackendReply stream(ChatRequest request, TokenSink sink) {
            return chat(request);
        }

        @Override
        public BackendHealth probe() {
            return BackendHealth.up("fixed");
        }
    }
}
