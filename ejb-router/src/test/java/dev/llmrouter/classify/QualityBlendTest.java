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
}
