package dev.llmrouter.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the real int8 model from the classpath; no mocks. */
class DjlEmbedderTest {

    private static DjlEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = DjlEmbedder.load(2);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    @Test
    void vectorsHave384UnitLengthDimensions() {
        float[] v = embedder.embed("How do I reset my password?");
        assertEquals(384, v.length);
        assertEquals(384, embedder.dimensions());
        assertEquals(1.0, Math.sqrt(cosine(v, v)), 1e-5);
    }

    @Test
    void encodingKeepsTheTokenStatesTheVectorIsPooledFrom() {
        String text = "How do I reset my password?";
        Embedded e = embedder.encode(text);
        assertArrayEquals(embedder.embed(text), e.vector());
        // [CLS] how do i reset my password ? [SEP] in the model's uncased WordPiece vocabulary
        assertArrayEquals(new long[] {101, 2129, 2079, 1045, 25141, 2026, 20786, 1029, 102}, e.tokenIds());
        assertEquals(9, e.tokens());
        assertEquals(e.tokens() * 384, e.tokenStates().length);
        float[] mean = new float[384];
        for (int t = 0; t < e.tokens(); t++) {
            for (int d = 0; d < 384; d++) {
                mean[d] += e.tokenStates()[t * 384 + d] / e.tokens();
            }
        }
        double norm = Math.sqrt(cosine(mean, mean));
        for (int d = 0; d < 384; d++) {
            mean[d] /= (float) norm;
        }
        assertEquals(1.0, cosine(mean, e.vector()), 1e-5);
    }

    @Test
    void sameTextGivesSameVector() {
        assertArrayEquals(embedder.embed("What is the capital of France?"),
                embedder.embed("What is the capital of France?"));
    }

    @Test
    void paraphraseIsCloseAndUnrelatedTextIsFar() {
        float[] question = embedder.embed("How do I reset my password?");
        double paraphrase = cosine(question, embedder.embed("How can I reset my password?"));
        double unrelated = cosine(question, embedder.embed("The recipe needs three eggs and a cup of flour."));
        assertTrue(paraphrase > 0.85, "paraphrase cosine " + paraphrase);
        assertTrue(unrelated < 0.5, "unrelated cosine " + unrelated);
    }

    @Test
    void embedAllEqualsEmbedElementWise() {
        List<String> texts = List.of("Hello", "How do I reset my password?", "How can I reset my password?",
                "Why is the sky blue during the day but red at sunset?", "", "What is 2+2?");
        List<float[]> batch = embedder.embedAll(texts);
        assertEquals(texts.size(), batch.size());
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(embedder.embed(texts.get(i)), batch.get(i), 1e-6f, texts.get(i));
        }
    }

    @Test
    void longInputIsTruncatedNotRejected() {
        String longText = "word ".repeat(2000);
        Embedded e = embedder.encode(longText);
        assertEquals(DjlEmbedder.MAX_TOKENS, e.tokens());
        assertEquals(102, e.tokenIds()[DjlEmbedder.MAX_TOKENS - 1], "[SEP] kept at the end");
        assertEquals(384, e.vector().length);
    }

    @Test
    void fourThreadsGetTheSameVectorsAsOne() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add("Question number " + i + " about cache keys and routing?");
        }
        List<float[]> expected = embedder.embedAll(texts);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<float[]>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> embedder.embedAll(texts)));
            }
            for (Future<List<float[]>> run : runs) {
                List<float[]> got = run.get();
                for (int i = 0; i < texts.size(); i++) {
                    assertArrayEquals(expected.get(i), got.get(i), texts.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
