package dev.llmrouter.budget.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PacingTest {

    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-12-11T00:00:00Z");

    @Test
    void onPaceCostsNothingExtra() {
        assertEquals(1, Pacing.factor(0.5, Pacing.elapsed(START, END, Instant.parse("2026-12-06T00:00:00Z"))));
        assertEquals(1, Pacing.factor(0.1, 0.9));
    }

    @Test
    void burningTwiceAsFastQuadruplesTheCostWeight() {
        double elapsed = Pacing.elapsed(START, END, Instant.parse("2026-12-03T00:00:00Z"));

        assertEquals(0.2, elapsed, 1e-9);
        assertEquals(4, Pacing.factor(0.4, elapsed), 1e-9);
    }

    @Test
    void earlyInAPeriodAFewCallsDoNotLookLikeAFire() {
        assertEquals(4, Pacing.factor(0.1, 0.0), 1e-9, "elapsed counts as at least 5%");
        assertEquals(Pacing.MAX_FACTOR, Pacing.factor(1.0, 0.0));
    }

    @Test
    void aBudgetWithoutPeriodPacesFromHalfSpent() {
        assertTrue(Double.isNaN(Pacing.elapsed(START, null, END)));
        assertEquals(1, Pacing.factor(0.5, Double.NaN));
        assertEquals(2.56, Pacing.factor(0.8, Double.NaN), 1e-9);
    }
}
