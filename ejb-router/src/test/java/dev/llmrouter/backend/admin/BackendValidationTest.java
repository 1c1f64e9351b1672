package dev.llmrouter.backend.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.persistence.StoredBackend;
import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackendValidationTest {

    private static final Map<String, String> CONFIG = Map.of(
            "OPENROUTER_API_KEY", "sk-or-secret", "openai.api-key", "sk-secret", "EMPTY_API_KEY", " ",
            "ROUTER_BOOTSTRAP_API_KEY", "llmr_x", "DB_PASSWORD", "pw");

    private final BackendValidation validation = new BackendValidation(Set.of("ollama", "openai", "anthropic"),
            new UrlPolicy(host -> new InetAddress[] {InetAddress.getByName(
                    host.equals("api.example.com") ? "203.0.113.5" : host)}, false),
            key -> Optional.ofNullable(CONFIG.get(key)));

    private static BackendSpec spec(String kind, String url, String model, String keyRef, Boolean allowPrivate) {
        return new BackendSpec(null, kind, null, url, model, null, null, null, null, null, null, null, keyRef,
                allowPrivate, null, null);
    }

    private InvalidBackendException invalid(BackendSpec spec, String name) {
        return assertThrows(InvalidBackendException.class, () -> validation.validate(spec, name));
    }

    @Test
    void aLocalOllamaHostWithPermissionBecomesALocalRowWithDefaultsLeftEmpty() {
        StoredBackend row = validation.validate(spec("ollama", "http://127.0.0.1:11434/", "llama3.1:8b-q8_0", null,
                true), "llama-8b");

        assertEquals("llama-8b", row.name());
        assertEquals("LOCAL", row.tier());
        assertEquals("http://127.0.0.1:11434", row.baseUrl());
        assertEquals("llama3.1:8b-q8_0", row.upstreamModel());
        assertNull(row.inputMicrosPerMillion(), "the config default applies");
        assertNull(row.maxConcurrency());
        assertTrue(row.enabled());
        assertTrue(row.allowPrivateNetwork());
        assertFalse(row.simulated());
    }

    @Test
    void aCloudBackendReferencesItsKeyByName() {
        StoredBackend row = validation.validate(spec("OpenAI", "https://api.example.com/v1", "openai/gpt-4o-mini",
                "OPENROUTER_API_KEY", null), "openrouter-mini");

        assertEquals("openai", row.kind());
        assertEquals("CLOUD", row.tier());
        assertEquals("OPENROUTER_API_KEY", row.apiKeyRef());
        assertFalse(row.toString().contains("sk-or-secret"));
    }

    @Test
    void aPrivateHostWithoutPermissionIsRefused() {
        InvalidBackendException e = invalid(spec("ollama", "http://192.168.1.9:11434", "m", null, false), "x");
        assertEquals("base_url", e.param());
        assertTrue(e.getMessage().contains("allow_private_network"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-lead", "has space", "slash/name", "auto", "AUTO",
            "a1234567890123456789012345678901234567890123456789012345678901234"})
    void badNamesAreRefused(String name) {
        assertEquals("name", invalid(spec("ollama", "http://203.0.113.5", "m", null, false), name).param());
    }

    @Test
    void unknownKindsAreRefusedWithTheKnownOnes() {
        InvalidBackendException e = invalid(spec("bedrock", "https://api.example.com", "m", null, false), "b");
        assertEquals("kind", e.param());
        assertTrue(e.getMessage().contains("ollama"), e.getMessage());
    }

    @Test
    void tierMustBeLocalOrCloud() {
        BackendSpec spec = new BackendSpec(null, "openai", "edge", "https://api.example.com", "m", null, null, null,
                null, null, null, null, null, null, null, null);
        assertEquals("tier", invalid(spec, "b").param());
    }

    @Test
    void modelIsRequiredAndPrintable() {
        assertEquals("upstream_model", invalid(spec("openai", "https://api.example.com", " ", null, null), "b").param());
        assertEquals("upstream_model",
                invalid(spec("openai", "https://api.example.com", "a\nb", null, null), "b").param());
    }

    @Test
    void numbersMustBeInRange() {
        BackendSpec negativePrice = new BackendSpec(null, "openai", null, "https://api.example.com", "m", -1L, null,
                null, null, null, null, null, null, null, null, null);
        BackendSpec noSlots = new BackendSpec(null, "openai", null, "https://api.example.com", "m", null, null, 0,
                null, null, null, null, null, null, null, null);
        BackendSpec zeroTimeout = new BackendSpec(null, "openai", null, "https://api.example.com", "m", null, null,
                null, null, null, 0, null, null, null, null, null);

        assertEquals("input_micros_per_mtok", invalid(negativePrice, "b").param());
        assertEquals("max_concurrency", invalid(noSlots, "b").param());
        assertEquals("read_timeout_ms", invalid(zeroTimeout, "b").param());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk-live-1234567890", "DB_PASSWORD", "ROUTER_BOOTSTRAP_API_KEY", "router.bootstrap.api-key",
            "db.api-key", "APIKEY", "x y_API_KEY"})
    void keyReferencesMustNameAnApiKeyPropertyThatIsNotTheRoutersOwn(String ref) {
        InvalidBackendException e = invalid(spec("openai", "https://api.example.com", "m", ref, null), "b");
        assertEquals("api_key_ref", e.param());
        assertFalse(e.getMessage().contains("sk-"), "the error never echoes a value: " + e.getMessage());
    }

    @Test
    void aKeyReferenceMustBeSet() {
        assertTrue(invalid(spec("openai", "https://api.example.com", "m", "MISSING_API_KEY", null), "b")
                .getMessage().contains("not set"));
        assertEquals("api_key_ref",
                invalid(spec("openai", "https://api.example.com", "m", "EMPTY_API_KEY", null), "b").param());
    }

    @Test
    void aMissingBodyIsRefused() {
        assertThrows(InvalidBackendException.class, () -> validation.validate(null, "b"));
    }
}
