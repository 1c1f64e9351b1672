package dev.llmrouter.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.embed.DjlEmbedder;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped cross-encoder: its input layout, and its probabilities on real questions. */
class CrossEncoderTest {

    private static DjlEmbedder embedder;
    private static CrossEncoder crossEncoder;

    @BeforeAll
    static void load() {
        embedder = DjlEmbedder.load(1);
        crossEncoder = CrossEncoder.shipped();
    }

    @AfterAll
    static void close() {
        crossEncoder.close();
        embedder.close();
    }

    private static double probability(String cached, String incoming) {
        return crossEncoder.probability(embedder.encode(cached), embedder.encode(incoming));
    }

    @Test
    void inputIsClsCachedSepIncomingSepWithTheIncomingQuestionTypedOne() {
        CrossEncoder.Input in = CrossEncoder.Input.of(new long[] {101, 7, 8, 102}, new long[] {101, 9, 102});
        assertArrayEquals(new long[] {101, 7, 8, 102, 9, 102}, in.ids());
        assertArrayEquals(new long[] {0, 0, 0, 0, 1, 1}, in.types());
    }

    @Test
    void eachQuestionIsCutToItsShareOfPositionsKeepingItsSep() {
        long[] longQuestion = LongStream.range(0, 300).map(i -> i == 0 ? 101 : i == 299 ? 102 : 1000 + i).toArray();
        CrossEncoder.Input in = CrossEncoder.Input.of(longQuestion, longQuestion);
        assertEquals(2 * CrossEncoder.SIDE - 1, in.ids().length, "two sides share 128 positions, one [CLS] dropped");
        assertEquals(102, in.ids()[CrossEncoder.SIDE - 1]);
        assertEquals(1000 + CrossEncoder.SIDE - 2, in.ids()[CrossEncoder.SIDE - 2]);
        assertEquals(102, in.ids()[in.ids().length - 1]);
        assertEquals(0, in.types()[CrossEncoder.SIDE - 1]);
        assertEquals(1, in.types()[CrossEncoder.SIDE]);
    }

    @Test
    void idsWithoutClsAndSepAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CrossEncoder.Input.of(new long[] {101}, new long[] {101, 102}));
    }

    @Test
    void aRewordingScoresAboveAnotherQuestionOnTheSameTopic() {
        double reworded = probability("What is the best way to learn Python?", "How can I learn Python the best way?");
        double other = probability("What is the best way to learn Python?", "What is the best Python web framework?");
        assertTrue(reworded > 0.5, "reworded " + reworded);
        assertTrue(other < 0.5, "other question " + other);
    }

    @Test
    void aVeryLongQuestionIsScoredNotRefused() {
        String longQuestion = "Why is the sky blue " + "and the sea green ".repeat(200) + "?";
        double p = probability(longQuestion, "Why is the sky blue?");
        assertTrue(p >= 0 && p <= 1, "probability " + p);
    }
}
