package dev.llmrouter.cache;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Real embeddings of the test questions, recorded once with DjlEmbedder; see the resource. */
final class QuestionVectors {

    private static final Map<String, float[]> VECTORS = load();

    private QuestionVectors() {
    }

    static float[] of(String question) {
        float[] v = VECTORS.get(question);
        if (v == null) {
            throw new IllegalArgumentException("no recorded embedding for: " + question);
        }
        return v.clone();
    }

    private static Map<String, float[]> load() {
        Map<String, float[]> out = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                QuestionVectors.class.getResourceAsStream("question-embeddings.tsv"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] cols = line.split("\t");
                String[] parts = cols[1].split(",");
                float[] v = new float[parts.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Float.parseFloat(parts[i]);
                }
                out.put(cols[0], v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
