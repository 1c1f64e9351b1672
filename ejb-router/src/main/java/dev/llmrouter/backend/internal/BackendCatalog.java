package dev.llmrouter.backend.internal;

import dev.llmrouter.backend.BackendDefinition;
import dev.llmrouter.backend.anthropic.AnthropicBackendFactory;
import dev.llmrouter.backend.ollama.OllamaBackendFactory;
import dev.llmrouter.backend.openai.OpenAiBackendFactory;
import dev.llmrouter.chat.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Backend definitions from MicroProfile Config (environment variables such as
 * {@code OLLAMA_BASE_URL}, {@code OPENAI_BASE_URL}, {@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}),
 * plus the simulated {@code sim-local}, {@code sim-cloud} and {@code sim-anthropic} models when the
 * simulator is enabled.
 */
@ApplicationScoped
public class BackendCatalog {

    public static final String SIM_LOCAL = "sim-local";
    public static final String SIM_CLOUD = "sim-cloud";
    public static final String SIM_ANTHROPIC = "sim-anthropic";
    /**
     * A second model the simulated Ollama serves (an "8B" next to the "3B" {@value #SIM_LOCAL}) that no
     * built-in backend uses: a backend defined through the admin API can point at it, and load or
     * unload it, without disturbing {@value #SIM_LOCAL}.
     */
    public static final String SIM_LOCAL_LARGE = "sim-local-8b";

    @Inject
    @ConfigProperty(name = "ollama.enabled", defaultValue = "true")
    boolean ollamaEnabled;

    @Inject
    @ConfigProperty(name = "ollama.base-url", defaultValue = "http://localhost:11434")
    String ollamaBaseUrl;

    @Inject
    @ConfigProperty(name = "ollama.models", defaultValue = "llama3.2:3b")
    List<String> ollamaModels;

    @Inject
    @ConfigProperty(name = "ollama.input-micros-per-mtok", defaultValue = "0")
    long ollamaInputPrice;

    @Inject
    @ConfigProperty(name = "ollama.output-micros-per-mtok", defaultValue = "0")
    long ollamaOutputPrice;

    @Inject
    @ConfigProperty(name = "openai.base-url", defaultValue = "https://api.openai.com/v1")
    String openAiBaseUrl;

    @Inject
    @ConfigProperty(name = "openai.api-key")
    Optional<String> openAiApiKey;

    @Inject
    @ConfigProperty(name = "openai.enabled")
    Optional<Boolean> openAiEnabled;

    @Inject
    @ConfigProperty(name = "openai.models", defaultValue = "gpt-4o-mini")
    List<String> openAiModels;

    @Inject
    @ConfigProperty(name = "openai.input-micros-per-mtok", defaultValue = "150000")
    long openAiInputPrice;

    @Inject
    @ConfigProperty(name = "openai.output-micros-per-mtok", defaultValue = "600000")
    long openAiOutputPrice;

    @Inject
    @ConfigProperty(name = "anthropic.base-url", defaultValue = "https://api.anthropic.com")
    String anthropicBaseUrl;

    @Inject
    @ConfigProperty(name = "anthropic.api-key")
    Optional<String> anthropicApiKey;

    @Inject
    @ConfigProperty(name = "anthropic.models", defaultValue = "claude-3-5-haiku-latest")
    List<String> anthropicModels;

    @Inject
    @ConfigProperty(name = "anthropic.input-micros-per-mtok", defaultValue = "800000")
    long anthropicInputPrice;

    @Inject
    @ConfigProperty(name = "anthropic.output-micros-per-mtok", defaultValue = "4000000")
    long anthropicOutputPrice;

    @Inject
    @ConfigProperty(name = "router.backend.connect-timeout-ms", defaultValue = "5000")
    long connectTimeoutMs;

    @Inject
    @ConfigProperty(name = "router.backend.read-timeout-ms", defaultValue = "120000")
    long readTimeoutMs;

    @Inject
    @ConfigProperty(name = "router.backend.ttft-timeout-ms", defaultValue = "60000")
    long ttftTimeoutMs;

    @Inject
    SimulatorHost simulator;

    public List<BackendDefinition> definitions() {
        List<BackendDefinition> definitions = new ArrayList<>();
        if (simulator.enabled()) {
            definitions.add(definition(SIM_LOCAL, OllamaBackendFactory.KIND, Tier.LOCAL, simulator.ollamaBaseUri(),
                    SIM_LOCAL, null, ollamaInputPrice, ollamaOutputPrice, true));
            definitions.add(definition(SIM_CLOUD, OpenAiBackendFactory.KIND, Tier.CLOUD, simulator.openAiBaseUri(),
                    SIM_CLOUD, "simulated", openAiInputPrice, openAiOutputPrice, true));
            // After sim-cloud, so that auto's first cloud candidate stays the one existing setups expect.
            definitions.add(definition(SIM_ANTHROPIC, AnthropicBackendFactory.KIND, Tier.CLOUD,
                    simulator.anthropicBaseUri(), SIM_ANTHROPIC, "simulated", anthropicInputPrice,
                    anthropicOutputPrice, true));
        }
        if (ollamaEnabled) {
            for (String model : ollamaModels) {
                definitions.add(definition(model.strip(), OllamaBackendFactory.KIND, Tier.LOCAL,
                        URI.create(ollamaBaseUrl), model.strip(), null, ollamaInputPrice, ollamaOutputPrice, false));
            }
        }
        Optional<String> key = openAiApiKey.filter(k -> !k.isBlank());
        if (openAiEnabled.orElse(key.isPresent())) {
            for (String model : openAiModels) {
                definitions.add(definition(model.strip(), OpenAiBackendFactory.KIND, Tier.CLOUD,
                        URI.create(openAiBaseUrl), model.strip(), key.orElse(null), openAiInputPrice,
                        openAiOutputPrice, false));
            }
        }
        Optional<String> anthropicKey = anthropicApiKey.filter(k -> !k.isBlank());
        if (anthropicKey.isPresent()) {
            for (String model : anthropicModels) {
                definitions.add(definition(model.strip(), AnthropicBackendFactory.KIND, Tier.CLOUD,
                        URI.create(anthropicBaseUrl), model.strip(), anthropicKey.get(), anthropicInputPrice,
                        anthropicOutputPrice, false));
            }
        }
        return definitions;
    }

    private BackendDefinition definition(String id, String kind, Tier tier, URI baseUri, String upstreamModel,
                                         String apiKey, long inputPrice, long outputPrice, boolean simulated) {
        return new BackendDefinition(id, kind, tier, baseUri, upstreamModel, apiKey, inputPrice, outputPrice,
                Duration.ofMillis(connectTimeoutMs), Duration.ofMillis(readTimeoutMs), Duration.ofMillis(ttftTimeoutMs),
                simulated);
    }
}
