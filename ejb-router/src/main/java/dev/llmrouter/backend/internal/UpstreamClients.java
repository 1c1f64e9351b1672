package dev.llmrouter.backend.internal;

import dev.llmrouter.backend.BackendDefinition;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/** Builds a MicroProfile REST client for one backend the way every HTTP adapter needs it. */
public final class UpstreamClients {

    private UpstreamClients() {
    }

    public static <T> T build(BackendDefinition definition, Class<T> clientInterface) {
        return RestClientBuilder.newBuilder()
                .baseUri(definition.baseUri())
                .connectTimeout(definition.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // Applies to every read, so it is also the idle timeout between stream events.
                .readTimeout(definition.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // Statuses are mapped by the adapter, which knows which ones a retry can fix.
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(clientInterface);
    }
}
