package dev.llmrouter.web.admin.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.persistence.BudgetBurn;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BudgetStandingTest {

    private static BudgetStanding budget(long spent, long reserved, Long soft, String now) {
        return new BudgetStanding(new BudgetBurn(1, 2, "acme", 10_000_000, soft, spent, reserved, 0, "MONTHLY",
                Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-04-01T00:00:00Z"), Instant.parse(now)));
    }

    @Test
    void spendingAheadOfTheCalendarIsFlagged() {
        BudgetStanding b = budget(6_000_000, 1_000_000, 8_000_000L, "2025-03-11T00:00:00Z");

        assertEquals(70.0, b.getUsedPercent());
        assertEquals(32.3, b.getElapsedPercent());
        assertTrue(b.isAhead());
        assertEquals("ok", b.getState());
        assertEquals("$3.00", b.getRemaining());
    }

    @Test
    void statesFollowSoftAndHardLimits() {
        assertEquals("soft", budget(8_000_000, 0, 8_000_000L, "2025-03-20T00:00:00Z").getState());
        assertEquals("over", budget(9_500_000, 500_000, null, "2025-03-20T00:00:00Z").getState());
        assertFalse(budget(0, 0, null, "2025-03-20T00:00:00Z").isAhead());
    }
}
