package dev.llmrouter.embed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** One model per application: loaded once (about a second), shared by every request. */
@ApplicationScoped
public class EmbedderProducer {

    @Produces
    @ApplicationScoped
    Embedder embedder() {
        return DjlEmbedder.load();
    }

    void close(@Disposes Embedder embedder) {
        if (embedder instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not release the embedding model", e);
            }
        }
    }
}
