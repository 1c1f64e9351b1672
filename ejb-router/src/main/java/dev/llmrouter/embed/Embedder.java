package dev.llmrouter.embed;

import java.util.List;

/** Turns text into L2-normalised vectors, so cosine similarity is a dot product. */
public interface Embedder {

    int dimensions();

    float[] embed(String text);

    /** Same vectors as {@link #embed} one by one, computed in batches where that is faster. */
    List<float[]> embedAll(List<String> texts);

    /**
     * The vector {@link #embed} returns together with the token states it was pooled from, in one
     * model run. Embedders that do not expose token states refuse.
     */
    default Embedded encode(String text) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not expose token states");
    }
}
