package dev.llmrouter.embed;

/**
 * A text's sentence vector together with the token states it was pooled from: {@code tokens} rows
 * of {@code dimensions} floats, row-major, the model's last hidden layer for the text run alone.
 * Token states let a verifier compare two questions word against word, which one pooled vector
 * per question cannot.
 */
public record Embedded(float[] vector, float[] tokenStates, int tokens) {

    public Embedded {
        if (tokens < 1 || tokenStates.length != (long) tokens * vector.length) {
            throw new IllegalArgumentException("expected " + tokens + " x " + vector.length + " token states, got "
                    + tokenStates.length);
        }
    }
}
