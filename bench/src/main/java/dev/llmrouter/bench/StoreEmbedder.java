package dev.llmrouter.bench;

import dev.llmrouter.embed.DjlEmbedder;
import dev.llmrouter.embed.Embedder;
import java.util.List;

/** The server's {@link Embedder} contract over vectors the real model already computed into an {@link EmbeddingStore}. */
public final class StoreEmbedder implements Embedder {

    private final EmbeddingStore store;

    public StoreEmbedder(EmbeddingStore store) {
        this.store = store;
    }

    @Override
    public int dimensions() {
        return DjlEmbedder.DIMENSIONS;
    }

    @Override
    public float[] embed(String text) {
        float[] v = store.get(text);
        if (v == null) {
            throw new IllegalStateException("not embedded beforehand: " + text.substring(0, Math.min(60, text.length())));
        }
        return v;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}
