package dev.llmrouter.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.chat.Tier;
import dev.llmrouter.persistence.RoutingNeighbour;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityBlendTest {

    /** Prior counts as 4 neighbours; weight = similarity; at most 3 per backend; below 0.3 ignored. */
    private static final QualityBlend BLEND = new QualityBlend(4, 1, 3, 0.3, 1, 0.5);

    private static RoutingNeighbour n(String backend, String tier, double score, double similarity) {
        return new RoutingNeighbour(1, null, backend, tier, "knowledge", score, similarity);
    }

    @Test
    void withoutHistoryThePriorStands() {
        QualityEstimate e = BLEND.estimate(0.7, List.of(), "local-a", Tier.LOCAL);

        assertEquals(0.7, e.quality(), 1e-12);
        assertEquals("learned prior for the local tier", e.basis());
    }

    @Test
    void ownExamplesPullThePriorTowardsTheirWeightedMean() {
        List<RoutingNeighbour> history = List.of(n("local-a", "LOCAL", 0, 0.9), n("local-a", "LOCAL", 1, 0.5),
                n("cloud-b", "CLOUD", 1, 0.95));

        QualityEstimate e = BLEND.estimate(0.7, history, "local-a", Tier.LOCAL);

        // (4 x 0.7 + 0.9 x 0 + 0.5 x 1) / (4 + 0.9 + 0.5)
        assertEquals((2.8 + 0.5) / 5.4, e.quality(), 1e-12);
        assertTrue(e.basis().startsWith("2 similar labelled prompts of local-a"), e.basis());
    }

    @Test
    void onlyTheNearestExamplesPerBackendCount() {
        List<RoutingNeighbour> history = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            history.add(n("local-a", "LOCAL", 1, 1.0));
        }
        history.add(n("local-a", "LOCAL", 0, 0.99));

        QualityEstimate e = BLEND.estimate(0.5, history, "local-a", Tier.LOCAL);

        assertEquals((2 + 3) / 7.0, e.quality(), 1e-12);
    }

    @Test
    void dissimilarExamplesAreIgnored() {
        QualityEstimate e = BLEND.estimate(0.6, List.of(n("local-a", "LOCAL", 0, 0.29)), "local-a", Tier.LOCAL);

        assertEquals(0.6, e.quality(), 1e-12);
    }

    @Test
    void aBackendWithoutEnoughHistoryBorrowsItsTiersAtADiscount() {
        List<RoutingNeighbour> history = List.of(n("local-other", "LOCAL", 0, 1.0), n("local-other", "LOCAL", 0, 1.0),
                n("cloud-b", "CLOUD", 1, 1.0));

        QualityEstimate e = BLEND.estimate(0.8, history, "local-new", Tier.LOCAL);

        // two tier examples at half weight: (4 x 0.8 + 0) / (4 + 1)
        assertEquals(3.2 / 5, e.quality(), 1e-12);
        assertTrue(e.basis().contains("of the local tier"), e.basis());
    }

    @Test
    void historyTooLightForTheMinimumLeavesThePrior() {
        QualityBlend strict = new QualityBlend(4, 1, 3, 0.3, 2.5, 0.5);
        List<RoutingNeighbour> history = List.of(n("local-a", "LOCAL", 0, 1.0), n("local-a", "LOCAL", 0, 1.0));

        assertEquals(0.9, strict.estimate(0.9, history, "local-a", Tier.LOCAL).quality(), 1e-12);
    }

    @Test
    void sharperSimilarityPowerFavoursTheClosestExample() {
        QualityBlend sharp = new QualityBlend(0.001, 8, 3, 0, 0, 0.5);
        List<RoutingNeighbour> history = List.of(n("cloud-b", "CLOUD", 1, 0.95), n("cloud-b", "CLOUD", 0, 0.6));

        assertTrue(sharp.estimate(0.5, history, "cloud-b", Tier.CLOUD).quality() > 0.95);
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new QualityBlend(-1, 1, 3, 0, 1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new QualityBlend(1, 1, 0, 0, 1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new QualityBlend(1, 1, 3, 0, 1, 1.5));
    }

    /** A prior whose multiple-choice segment has a combiner: local = sigmoid(+-2) by its tier's history, cloud by its. */
    private static QualityPrior combining() {
        int f = PromptFeatures.NAMES.size();
        QualityPrior.Head half = new QualityPrior.Head(new double[0][], new double[] {0});
        QualityPrior.Combiner combiner = new QualityPrior.Combiner(
                new QualityPrior.Trees(0, 1, 1, new double[][] {{2, 0.5, -2, 2}}),
                new QualityPrior.Trees(0, 1, 1, new double[][] {{3, 0.5, -1, 1}}));
        QualityPrior.Segment options = new QualityPrior.Segment(new int[0], false, new double[0], new double[0], half,
                half, combiner);
        QualityPrior.Segment free = new QualityPrior.Segment(new int[0], false, new double[0], new double[0], half, half);
        return new QualityPrior(0, options, free);
    }

    private static double[] multipleChoice() {
        double[] features = new double[PromptFeatures.NAMES.size()];
        features[PromptFeatures.NAMES.indexOf("has_options")] = 1;
        return features;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static final QualityBlend LEARNED = new QualityBlend(4, 1, 3, 0.3, 1, 0.5, true);

    @Test
    void withBothTiersHistoryTheLearnedCombinerDecides() {
        List<RoutingNeighbour> history = List.of(n("local-a", "LOCAL", 1, 0.9), n("cloud-b", "CLOUD", 0, 0.9),
                n("local-a", "LOCAL", 1, 0.8), n("cloud-b", "CLOUD", 0, 0.8));

        QualityEstimate local = LEARNED.estimate(combining(), multipleChoice(), new float[0], history, "local-a",
                Tier.LOCAL);
        QualityEstimate cloud = LEARNED.estimate(combining(), multipleChoice(), new float[0], history, "cloud-b",
                Tier.CLOUD);

        assertEquals(sigmoid(2), local.quality(), 1e-12);
        assertEquals(sigmoid(-1), cloud.quality(), 1e-12);
        assertTrue(local.basis().startsWith("learned blend of the prior 0.50 with 2 similar labelled prompts of local-a"),
                local.basis());
    }

    @Test
    void withoutTheOtherTiersHistoryOrTheSwitchOrACombinerTheFormulaDecides() {
        List<RoutingNeighbour> localOnly = List.of(n("local-a", "LOCAL", 1, 0.9), n("local-a", "LOCAL", 1, 0.8));
        List<RoutingNeighbour> both = List.of(n("local-a", "LOCAL", 1, 0.9), n("cloud-b", "CLOUD", 0, 0.9),
                n("local-a", "LOCAL", 1, 0.8), n("cloud-b", "CLOUD", 0, 0.8));
        assertEquals(sigmoid(2), LEARNED.estimate(combining(), multipleChoice(), new float[0], both, "local-a",
                Tier.LOCAL).quality(), 1e-12);
        double[] freeForm = new double[PromptFeatures.NAMES.size()];
        QualityBlend formula = new QualityBlend(4, 1, 3, 0.3, 1, 0.5);

        assertEquals(LEARNED.estimate(0.5, localOnly, "local-a", Tier.LOCAL),
                LEARNED.estimate(combining(), multipleChoice(), new float[0], localOnly, "local-a", Tier.LOCAL));
        assertEquals(formula.estimate(0.5, both, "local-a", Tier.LOCAL),
                formula.estimate(combining(), multipleChoice(), new float[0], both, "local-a", Tier.LOCAL));
        assertEquals(LEARNED.estimate(0.5, both, "local-a", Tier.LOCAL),
                LEARNED.estimate(combining(), freeForm, new float[0], both, "local-a", Tier.LOCAL));
    }
}
