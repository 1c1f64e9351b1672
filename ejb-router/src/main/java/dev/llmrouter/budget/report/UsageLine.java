package dev.llmrouter.budget.report;

import dev.llmrouter.persistence.UsageTotal;
import java.time.LocalDate;

/**
 * Usage summed over a day and tier, a tier, or a whole period ({@code day} and {@code tier} null where
 * they were summed over). {@code answered} requests were served; {@code failed} broke upstream or were
 * abandoned by the client; {@code rejected} were refused before any model was called; {@code expired}
 * reservations were charged at their estimate by the sweeper. Money in micro-USD; {@code savedMicros} is
 * what the cheapest cloud model would have cost above what was paid.
 */
public record UsageLine(LocalDate day, String tier, long answered, long failed, long rejected, long expired,
                        long promptTokens, long completionTokens, long costMicros, long shadowCostMicros,
                        long savedMicros) {

    static UsageLine of(UsageTotal total) {
        return new UsageLine(total.day(), total.tier(), total.answered(), total.failed(), total.rejected(),
                total.expired(), total.promptTokens(), total.completionTokens(), total.costMicros(),
                total.shadowCostMicros(), total.savedMicros());
    }

    static UsageLine empty(LocalDate day, String tier) {
        return new UsageLine(day, tier, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The sum of both, labelled with this line's day and tier. */
    UsageLine plus(UsageLine other) {
        return new UsageLine(day, tier, answered + other.answered, failed + other.failed, rejected + other.rejected,
                expired + other.expired, promptTokens + other.promptTokens, completionTokens + other.completionTokens,
                costMicros + other.costMicros, shadowCostMicros + other.shadowCostMicros,
                savedMicros + other.savedMicros);
    }
}
