package dev.llmrouter.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmrouter.chat.Tier;
import dev.llmrouter.classify.DefaultPromptClassifier;
import dev.llmrouter.classify.InMemoryRoutingExamples;
import dev.llmrouter.classify.QualityPrior;
import dev.llmrouter.embed.Embedder;
import dev.llmrouter.persistence.NewRoutingExample;
import dev.llmrouter.persistence.RoutingHistoryUnavailableException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomesTest {

    private final List<String> embedded = new ArrayList<>();
    private final Embedder embedder = new Embedder() {
        @Override
        public int dimensions() {
            return 384;
        }

        @Override
        public float[] embed(String text) {
            embedded.add(text);
            float[] v = new float[384];
            v[0] = 1;
            return v;
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(this::embed).toList();
        }
    };
    private final InMemoryRoutingExamples examples = new InMemoryRoutingExamples();
    private final Outcomes outcomes = new Outcomes(examples, embedder,
            new DefaultPromptClassifier(embedder, QualityPrior.shipped()));

    @Test
    void feedbackOnATextIsStoredAsItsEmbeddingWithTheClassifiersCategory() {
        outcomes.record(42L, "sim-local", Tier.LOCAL, "How many legs do 3 spiders and 2 ants have in total?", null, 0);

        NewRoutingExample row = examples.rows.get(0);
        assertEquals(List.of("How many legs do 3 spiders and 2 ants have in total?"), embedded);
        assertEquals(42L, row.tenantId());
        assertEquals("sim-local", row.backend());
        assertEquals("LOCAL", row.tier());
        assertEquals("math", row.category());
        assertEquals(0, row.score());
        assertEquals("FEEDBACK", row.source());
    }

    @Test
    void feedbackOnAnEmbeddingNeedsNoModelAndKeepsTheGivenCategory() {
        float[] vector = new float[384];
        vector[9] = 1;

        outcomes.record(null, "sim-cloud", Tier.CLOUD, vector, "code", 0.75);

        NewRoutingExample row = examples.rows.get(0);
        assertEquals(List.of(), embedded);
        assertArrayEquals(vector, row.embedding());
        assertEquals("code", row.category());
        assertNull(row.tenantId());
    }

    @Test
    void anImportEmbedsOnlyThePromptsGivenAsText() {
        float[] vector = new float[384];
        vector[2] = 1;
        int stored = outcomes.importAll(List.of(
                LabelledOutcome.imported("sim-local", Tier.LOCAL, "Who wrote Hamlet?", null, 1),
                new LabelledOutcome(null, "sim-cloud", Tier.CLOUD, null, vector, null, 1,
                        LabelledOutcome.Source.IMPORT, "req-1")));

        assertEquals(2, stored);
        assertEquals(List.of("Who wrote Hamlet?"), embedded);
        assertEquals("knowledge", examples.rows.get(0).category());
        assertEquals("unknown", examples.rows.get(1).category());
        assertEquals("IMPORT", examples.rows.get(1).source());
        assertEquals("req-1", examples.rows.get(1).requestId());
    }

    @Test
    void refusesWhatCannotBeLearnedFrom() {
        assertThrows(IllegalArgumentException.class,
                () -> outcomes.record(1L, "sim-local", Tier.CACHE, "hi", null, 1));
        assertThrows(IllegalArgumentException.class,
                () -> outcomes.record(1L, "sim-local", Tier.LOCAL, "hi", null, 1.5));
        assertThrows(IllegalArgumentException.class,
                () -> outcomes.record(1L, "sim-local", Tier.LOCAL, (String) null, null, 1));
        assertThrows(IllegalArgumentException.class,
                () -> outcomes.record(1L, " ", Tier.LOCAL, "hi", null, 1));
        assertThrows(IllegalArgumentException.class,
                () -> outcomes.record(1L, "sim-local", Tier.LOCAL, new float[3], null, 1));
        assertEquals(0, examples.rows.size());
    }

    @Test
    void feedbackEventsBecomeTheTenantsOutcomes() {
        float[] vector = new float[384];
        vector[5] = 1;

        outcomes.learn(new FeedbackReceived(1, 9, "req-9", "sim-cloud", "CLOUD", "code", vector, 0.25));
        outcomes.learn(new FeedbackReceived(2, 9, "req-10", "sim-cloud", "CLOUD", "code", null, 1));
        outcomes.learn(new FeedbackReceived(3, 9, "req-11", "cache", "CACHE", "chat", vector, 1));

        assertEquals(1, examples.rows.size());
        NewRoutingExample row = examples.rows.get(0);
        assertEquals(9L, row.tenantId());
        assertEquals("sim-cloud", row.backend());
        assertEquals("CLOUD", row.tier());
        assertEquals("code", row.category());
        assertEquals(0.25, row.score());
        assertEquals("FEEDBACK", row.source());
        assertEquals("req-9", row.requestId());
        assertArrayEquals(vector, row.embedding());
    }

    @Test
    void feedbackThatCannotBeStoredIsLoggedNotThrown() {
        InMemoryRoutingExamples broken = new InMemoryRoutingExamples() {
            @Override
            public long insert(NewRoutingExample example) {
                throw new RoutingHistoryUnavailableException("down", null);
            }
        };
        Outcomes failing = new Outcomes(broken, embedder, new DefaultPromptClassifier(embedder, QualityPrior.shipped()));

        failing.learn(new FeedbackReceived(1, 9, "req-9", "sim-local", "LOCAL", "chat", new float[384], 1));

        assertEquals(0, broken.rows.size());
    }
}
