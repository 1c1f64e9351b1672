package dev.llmrouter.embed;

/**
 * A text's sentence vector together with what it was computed from: the token ids the model read (after
 * truncation, the two special tokens included) and the token states it was pooled from, one row of
 * {@code dimensions} floats per token, row-major, the model's last hidden layer for the text run alone.
 * Token states let a verifier compare two questions word against word, which one pooled vector per
 * question cannot; the ids let a cross-encoder read both questions at once without tokenizing again.
 */
public record Embedded(float[] vector, float[] tokenStates, long[] tokenIds) {

    public Embedded {
        if (tokenIds.length < 1 || tokenStates.length != (long) tokenIds.length * vector.length) {
            throw new IllegalArgumentException("expected " + tokenIds.length + " x " + vector.length
                    + " token states, got " + tokenStates.length);
        }
    }

    /** Number of tokens the model read. */
    public int tokens() {
        return tokenIds.length;
    }
}
