package dev.llmrouter.backend.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.llmrouter.backend.ConfiguredBackend;
import dev.llmrouter.chat.Tier;
import dev.llmrouter.persistence.StoredBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoredBackendDefinitionsTest {

    private static final Map<String, String> CONFIG = Map.of(
            "ollama.input-micros-per-mtok", "7", "ollama.output-micros-per-mtok", "9",
            "router.backend.read-timeout-ms", "30000", "OPENROUTER_API_KEY", "sk-or-1");

    private static StoredBackend row(String kind, Long inputPrice, Integer maxConcurrency, Integer readTimeout,
                                     String keyRef) {
        return new StoredBackend("b1", kind, kind.equals("ollama") ? "LOCAL" : "CLOUD", "http://127.0.0.1:11434",
                "llama3.1:8b", inputPrice, null, maxConcurrency, null, null, readTimeout, null, keyRef, true, true,
                false, Instant.EPOCH);
    }

    private static ConfiguredBackend map(StoredBackend row) {
        return StoredBackendDefinitions.toConfigured(row, key -> Optional.ofNullable(CONFIG.get(key)));
    }

    @Test
    void emptySettingsTakeTheConfiguredDefaults() {
        ConfiguredBackend c = map(row("ollama", null, null, null, null));

        assertEquals(Tier.LOCAL, c.definition().tier());
        assertEquals(7, c.definition().inputMicrosPerMillion());
        assertEquals(9, c.definition().outputMicrosPerMillion());
        assertEquals(Duration.ofSeconds(30), c.definition().readTimeout());
        assertEquals(Duration.ofSeconds(5), c.definition().connectTimeout(), "built-in default");
        assertEquals(Duration.ofSeconds(60), c.definition().ttftTimeout());
        assertEquals(Map.of(), c.guardOverrides());
        assertEquals(ConfiguredBackend.Origin.DATABASE, c.origin());
    }

    @Test
    void ownSettingsOutrankTheDefaults() {
        ConfiguredBackend c = map(row("ollama", 100L, 2, 1500, null));

        assertEquals(100, c.definition().inputMicrosPerMillion());
        assertEquals(Duration.ofMillis(1500), c.definition().readTimeout());
        assertEquals("2", c.guardOverrides().get("router.backend.b1.max-concurrency"));
    }

    @Test
    void theKeyIsReadFromTheReferencedPropertyAndStaysOutOfTheText() {
        ConfiguredBackend c = map(row("openai", null, null, null, "OPENROUTER_API_KEY"));

        assertEquals("sk-or-1", c.definition().apiKey());
        assertEquals(-1, c.toString().indexOf("sk-or-1"));
        assertNull(map(row("openai", null, null, null, "UNSET_API_KEY")).definition().apiKey());
    }

    @Test
    void aChangedSettingIsADifferentBackend() {
        assertEquals(map(row("ollama", null, null, null, null)), map(row("ollama", null, null, null, null)));
        assertNotEquals(map(row("ollama", null, 2, null, null)), map(row("ollama", null, 3, null, null)));
    }
}
