package dev.llmrouter.backend.anthropic;

import dev.llmrouter.backend.BackendDefinition;
import dev.llmrouter.backend.BackendFactory;
import dev.llmrouter.backend.InferenceBackend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

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
        AnthropicClient client = RestClientBuilder.newBuilder()
                .baseUri(definition.baseUri())
                .connectTimeout(definition.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // Applies to every read, so it is also the idle timeout between stream events.
                .readTimeout(definition.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // Statuses are mapped by the adapter, which knows which ones a retry can fix.
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(AnthropicClient.class);
        return new AnthropicBackend(definition, client, defaultMaxTokens);
    }
}
