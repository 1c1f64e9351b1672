package dev.llmrouter.embed;

import java.util.List;

/** Turns text into L2-normalised vectors, so cosine similarity is a dot product. */
public interface Embedder {

    int dimensions();

    float[] embed(String text);

    /** Same vectors as {@link #embed} one by one, computed in batches where that is faster. */
    List<float[]> embedAll(List<String> texts);
}
