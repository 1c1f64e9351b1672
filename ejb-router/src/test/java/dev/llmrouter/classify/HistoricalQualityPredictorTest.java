package dev.llmrouter.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.chat.Tier;
import dev.llmrouter.persistence.NewRoutingExample;
import org.junit.jupiter.api.Test;

class HistoricalQualityPredictorTest {

    private final InMemoryRoutingExamples history = new InMemoryRoutingExamples();
    private final HistoricalQualityPredictor predictor = new HistoricalQualityPredictor(history, QualityPrior.shipped(),
            80, new QualityBlend(5, 1, 40, 0.2, 1, 0.5));

    private static float[] axis(int i) {
        float[] v = new float[384];
        v[i] = 1;
        return v;
    }

    private static PromptProfile profile(float[] embedding) {
        return new PromptProfile("knowledge", 0.5, 10, embedding, "test", PromptFeatures.of("What is a prime?"));
    }

    private void label(Long tenant, String backend, Tier tier, float[] embedding, double score, int times) {
        for (int i = 0; i < times; i++) {
            history.insert(new NewRoutingExample(tenant, backend, tier.name(), "knowledge", score, embedding, "IMPORT",
                    null));
        }
    }

    @Test
    void outcomesOnSimilarPromptsMoveThePrediction() {
        double prior = QualityPrior.shipped().predict(Tier.LOCAL, profile(axis(3)).features(), axis(3));
        assertEquals(prior, predictor.predict(profile(axis(3)), "local-a", Tier.LOCAL).quality(), 1e-12);

        label(null, "local-a", Tier.LOCAL, axis(3), 0, 15);

        QualityEstimate after = predictor.predict(profile(axis(3)), "local-a", Tier.LOCAL);
        assertEquals(5 * prior / 20, after.quality(), 1e-9);
        assertTrue(after.basis().startsWith("15 similar labelled prompts of local-a"), after.basis());
    }

    @Test
    void outcomesOnUnrelatedPromptsLeaveItAlone() {
        label(null, "local-a", Tier.LOCAL, axis(4), 0, 15);

        QualityEstimate e = predictor.predict(profile(axis(3)), "local-a", Tier.LOCAL);

        assertEquals("learned prior for the local tier", e.basis());
    }

    @Test
    void aTenantsOwnOutcomesStayWithIt() {
        label(7L, "cloud-b", Tier.CLOUD, axis(5), 0, 15);

        assertEquals("learned prior for the cloud tier",
                predictor.predict(profile(axis(5)), "cloud-b", Tier.CLOUD, 8L).basis());
        assertTrue(predictor.predict(profile(axis(5)), "cloud-b", Tier.CLOUD, 7L).basis().startsWith("15 similar"));
    }

    @Test
    void oneDecisionReadsTheHistoryOncePerEmbedding() {
        PromptProfile p = profile(axis(6));

        predictor.predict(p, "local-a", Tier.LOCAL);
        predictor.predict(p, "cloud-b", Tier.CLOUD);
        predictor.predict(profile(axis(6)), "cloud-b", Tier.CLOUD);

        assertEquals(2, history.lookups);
    }

    @Test
    void unreadableHistoryLeavesThePrior() {
        history.down = true;

        QualityEstimate e = predictor.predict(profile(axis(8)), "local-a", Tier.LOCAL);

        assertEquals("learned prior for the local tier", e.basis());
    }

    @Test
    void withoutAnEmbeddingOnlyThePriorSpeaks() {
        QualityEstimate e = predictor.predict(new PromptProfile("chat", 0.2, 3, null, "x"), "local-a", Tier.LOCAL);

        assertTrue(e.basis().contains("no embedding"), e.basis());
        assertEquals(0, history.lookups);
    }

    @Test
    void theCacheIsNotABackend() {
        assertThrows(IllegalArgumentException.class, () -> predictor.predict(profile(axis(1)), "cache", Tier.CACHE));
    }

    @Test
    void theShippedCombinerJudgesMultipleChoicePromptsWithBothTiersHistory() {
        HistoricalQualityPredictor learned = new HistoricalQualityPredictor(history, QualityPrior.shipped(), 120,
                QualityBlend.DEFAULT);
        double[] features = PromptFeatures.of("Which of the following is a prime?\nA. 4\nB. 6\nC. 7\nD. 9\nAnswer:");
        label(null, "local-a", Tier.LOCAL, axis(9), 0, 30);

        assertTrue(learned.predict(new PromptProfile("knowledge", 0.5, 30, axis(9), "test", features), "local-a",
                Tier.LOCAL).basis().startsWith("30 similar"), "one tier's history alone: the formula");

        label(null, "cloud-b", Tier.CLOUD, axis(9), 1, 30);
        // a new request: a new embedding array, so the history is read again
        PromptProfile question = new PromptProfile("knowledge", 0.5, 30, axis(9), "test", features);
        QualityEstimate weak = learned.predict(question, "local-a", Tier.LOCAL);
        QualityEstimate strong = learned.predict(question, "cloud-b", Tier.CLOUD);

        assertTrue(weak.basis().startsWith("learned blend of the prior"), weak.basis());
        assertTrue(strong.quality() > weak.quality(), strong + " " + weak);
    }
}
