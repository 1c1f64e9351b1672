package dev.llmrouter.budget;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * How often a budget starts over. Periods step from the budget's own anchor in UTC, so a monthly
 * budget anchored on the 31st resets on the last day of shorter months and on the 31st again after.
 */
public enum BudgetPeriod {
    NONE,
    DAILY,
    WEEKLY,
    MONTHLY;

    /** The period that contains {@code now}, stepping from {@code anchor} (a past or present reset time). */
    public record Window(Instant start, Instant resetsAt) {
    }

    /** The first reset after {@code periodStart}; null for {@link #NONE}. */
    public Instant firstReset(Instant periodStart) {
        return this == NONE ? null : step(periodStart.atZone(ZoneOffset.UTC), 1).toInstant();
    }

    /**
     * The window that contains {@code now}, found by whole steps from {@code anchor}; for {@link #NONE}
     * the window never ends.
     */
    public Window windowAt(Instant anchor, Instant now) {
        if (this == NONE) {
            return new Window(anchor, null);
        }
        ZonedDateTime start = anchor.atZone(ZoneOffset.UTC);
        long steps = 0;
        ZonedDateTime next = step(start, 1);
        while (!next.toInstant().isAfter(now)) {
            steps++;
            next = step(start, steps + 1);
        }
        return new Window(step(start, steps).toInstant(), next.toInstant());
    }

    private ZonedDateTime step(ZonedDateTime from, long count) {
        return switch (this) {
            case DAILY -> from.plusDays(count);
            case WEEKLY -> from.plusWeeks(count);
            case MONTHLY -> from.plusMonths(count);
            case NONE -> from;
        };
    }
}
