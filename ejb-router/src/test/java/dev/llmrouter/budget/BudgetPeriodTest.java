package dev.llmrouter.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BudgetPeriodTest {

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void monthlyRollsToTheMonthThatContainsNow() {
        BudgetPeriod.Window window = BudgetPeriod.MONTHLY.windowAt(at("2026-01-01T00:00:00Z"),
                at("2026-03-15T10:00:00Z"));

        assertEquals(at("2026-03-01T00:00:00Z"), window.start());
        assertEquals(at("2026-04-01T00:00:00Z"), window.resetsAt());
    }

    @Test
    void monthlyAnchoredOnThe31stDoesNotDrift() {
        BudgetPeriod.Window window = BudgetPeriod.MONTHLY.windowAt(at("2026-01-31T00:00:00Z"),
                at("2026-03-30T00:00:00Z"));

        assertEquals(at("2026-02-28T00:00:00Z"), window.start(), "February has no 31st");
        assertEquals(at("2026-03-31T00:00:00Z"), window.resetsAt(), "back on the 31st, not the 28th");
    }

    @Test
    void aResetExactlyNowStartsTheNextPeriod() {
        BudgetPeriod.Window window = BudgetPeriod.DAILY.windowAt(at("2026-05-01T00:00:00Z"),
                at("2026-05-01T00:00:00Z"));

        assertEquals(at("2026-05-01T00:00:00Z"), window.start());
        assertEquals(at("2026-05-02T00:00:00Z"), window.resetsAt());
    }

    @Test
    void dailySkipsIdleDays() {
        BudgetPeriod.Window window = BudgetPeriod.DAILY.windowAt(at("2026-05-01T06:00:00Z"),
                at("2026-05-10T05:59:59Z"));

        assertEquals(at("2026-05-09T06:00:00Z"), window.start());
        assertEquals(at("2026-05-10T06:00:00Z"), window.resetsAt());
    }

    @Test
    void weeklyStepsSevenDays() {
        BudgetPeriod.Window window = BudgetPeriod.WEEKLY.windowAt(at("2026-06-01T00:00:00Z"),
                at("2026-06-09T00:00:00Z"));

        assertEquals(at("2026-06-08T00:00:00Z"), window.start());
        assertEquals(at("2026-06-15T00:00:00Z"), window.resetsAt());
    }

    @Test
    void firstResetFollowsThePeriodStart() {
        assertEquals(at("2026-02-15T12:00:00Z"), BudgetPeriod.MONTHLY.firstReset(at("2026-01-15T12:00:00Z")));
        assertEquals(at("2026-01-16T12:00:00Z"), BudgetPeriod.DAILY.firstReset(at("2026-01-15T12:00:00Z")));
        assertNull(BudgetPeriod.NONE.firstReset(at("2026-01-15T12:00:00Z")));
    }

    @Test
    void noneNeverResets() {
        assertNull(BudgetPeriod.NONE.windowAt(at("2026-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z")).resetsAt());
    }
}
