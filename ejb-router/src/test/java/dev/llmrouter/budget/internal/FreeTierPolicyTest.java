package dev.llmrouter.budget.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FreeTierPolicyTest {

    @Test
    void remainingIsTheLimitLessSpentAndHeld() {
        assertEquals(600, FreeTierPolicy.remaining(1_000, 300, 100));
        assertEquals(0, FreeTierPolicy.remaining(1_000, 600, 400));
    }

    @Test
    void remainingIsNeverNegativeNorOverflows() {
        assertEquals(0, FreeTierPolicy.remaining(1_000, 1_200, 0), "spent past the limit");
        assertEquals(0, FreeTierPolicy.remaining(1_000, 900, 500), "held past the limit");
        assertEquals(0, FreeTierPolicy.remaining(Long.MAX_VALUE, 0, Long.MAX_VALUE));
        assertEquals(1, FreeTierPolicy.remaining(Long.MAX_VALUE, 0, Long.MAX_VALUE - 1));
    }

    @Test
    void aRemainderTooSmallForTheCheapestPaidCallIsExhausted() {
        assertTrue(FreeTierPolicy.exhausted(6, 7), "worst-case reservations leave crumbs no call can use");
        assertFalse(FreeTierPolicy.exhausted(7, 7));
    }

    @Test
    void withoutAnyPaidModelOnlyAnEmptyBudgetIsExhausted() {
        assertTrue(FreeTierPolicy.exhausted(0, 0));
        assertFalse(FreeTierPolicy.exhausted(1, 0));
    }
}
