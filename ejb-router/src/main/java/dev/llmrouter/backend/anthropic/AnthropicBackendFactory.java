package dev.llmrouter.backend.anthropic;

import dev.llmrouter.backend.BackendDefinition;
import dev.llmrouter.backend.BackendFactory;
import dev.llmrouter.backend.InferenceBackend;
import dev.llmrouter.backend.internal.UpstreamClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class AnthropicBackendFactory implements BackendFactory {

    public static final String KIND = "anthropic";

    /** Anthropic refuses a request without max_tokens; this applies when the caller set none. */
    @Inject
    @ConfigProperty(name = "anthropic.default-max-tokens", defaultValue = "1024")
    int defaultMaxTokens;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public InferenceBackend create(BackendDefinition definition) {
        AnthropicClient client = UpstreamClients.build(definition, AnthropicClient.class);
        return new AnthropicBackend(definition, client, defaultMaxTokens);
    }
}
