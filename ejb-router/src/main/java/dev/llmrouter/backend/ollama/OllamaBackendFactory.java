package dev.llmrouter.backend.ollama;

import dev.llmrouter.backend.BackendDefinition;
import dev.llmrouter.backend.BackendFactory;
import dev.llmrouter.backend.InferenceBackend;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OllamaBackendFactory implements BackendFactory {

    public static final String KIND = "ollama";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public InferenceBackend create(BackendDefinition definition) {
        return new OllamaBackend(definition);
    }
}
