package dev.llmrouter.backend.openai;

import dev.llmrouter.backend.BackendDefinition;
import dev.llmrouter.backend.BackendFactory;
import dev.llmrouter.backend.InferenceBackend;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

@ApplicationScoped
public class OpenAiBackendFactory implements BackendFactory {

    public static final String KIND = "openai";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public InferenceBackend create(BackendDefinition definition) {
        OpenAiClient client = RestClientBuilder.newBuilder()
                .baseUri(definition.baseUri())
                .connectTimeout(definition.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // Applies to every read, so it is also the idle timeout between stream chunks.
                .readTimeout(definition.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // Statuses are mapped by the adapter, which knows which ones a retry can fix.
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(OpenAiClient.class);
        return new OpenAiBackend(definition, client);
    }
}
