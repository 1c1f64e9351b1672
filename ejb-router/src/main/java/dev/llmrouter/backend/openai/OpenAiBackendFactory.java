package dev.llmrouter.backend.openai;

import dev.llmrouter.backend.BackendDefinition;
import dev.llmrouter.backend.BackendFactory;
import dev.llmrouter.backend.InferenceBackend;
import dev.llmrouter.backend.internal.UpstreamClients;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OpenAiBackendFactory implements BackendFactory {

    public static final String KIND = "openai";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public InferenceBackend create(BackendDefinition definition) {
        OpenAiClient client = UpstreamClients.build(definition, OpenAiClient.class);
        return new OpenAiBackend(definition, client);
    }
}
