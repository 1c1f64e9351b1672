package dev.llmrouter.route.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Ranks candidates by {@code utility = quality - cost weight x USD - SLA weight x seconds late}.
 *
 * <p>Hard bounds exclude: a rule's verdict, a backend that cannot take the call now, a predicted cost above
 * the request's maximum or above what is left of the budget. The request's deadline and minimum quality
 * exclude only while at least one candidate meets them; when none does, every candidate stays and the
 * utility (which charges lateness) decides: a late or weaker answer beats none.
 */
public final class UtilityRanking {

    private static final Comparator<CandidateScore> BEST_FIRST = Comparator
            .comparingDouble(CandidateScore::utility).reversed()
            .thenComparingLong(CandidateScore::costMicros)
            .thenComparingLong(CandidateScore::latencyMs)
            .thenComparing(CandidateScore::backend);

    private UtilityRanking() {
    }

    /**
     * @param ruleExclusions   backend id to the rule verdict that removes it
     * @param budgetLeftMicros what the caller's budget can still pay, or null when it is unlimited
     * @param streamed         whether the SLA judges the first token (streaming) or the whole answer
     */
    public static Ranking rank(List<CandidateInput> inputs, ServiceLevel level, UtilityWeights weights,
                               Map<String, String> ruleExclusions, Long budgetLeftMicros, boolean streamed) {
        List<CandidateScore> scores = new ArrayList<>(inputs.size());
        for (CandidateInput input : inputs) {
            scores.add(hardBounds(score(input, level, weights, streamed), input, level, ruleExclusions,
                    budgetLeftMicros));
        }
        List<String> notes = new ArrayList<>();
        if (level.deadlineMs() != null) {
            long deadline = level.deadlineMs();
            boundIfMet(scores, s -> s.latencyMs() <= deadline, Exclusion.DEADLINE,
                    s -> String.format(Locale.ROOT, "predicted %d ms, beyond the deadline of %d ms", s.latencyMs(),
                            deadline),
                    notes, "no candidate is predicted to answer within the deadline of " + deadline + " ms");
        }
        if (level.minQuality() != null) {
            double min = level.minQuality();
            boundIfMet(scores, s -> s.quality() >= min, Exclusion.MIN_QUALITY,
                    s -> String.format(Locale.ROOT, "predicted quality %.2f, below the minimum %.2f", s.quality(), min),
                    notes, String.format(Locale.ROOT, "no candidate is predicted to reach quality %.2f", min));
        }
        List<CandidateScore> ordered = new ArrayList<>(scores.stream().filter(CandidateScore::eligible)
                .sorted(BEST_FIRST).toList());
        ordered.addAll(scores.stream().filter(s -> !s.eligible()).sorted(BEST_FIRST).toList());
        return new Ranking(ordered, notes);
    }

    static CandidateScore score(CandidateInput input, ServiceLevel level, UtilityWeights weights, boolean streamed) {
        double costPenalty = weights.costPerUsd() * input.costMicros() / 1_000_000.0;
        long latencyMs = streamed ? input.latency().firstTokenTotalMs() : input.latency().totalMs();
        Long target = level.effectiveTargetMs();
        double secondsLate = target == null ? 0 : Math.max(0, latencyMs - target) / 1000.0;
        double latencyPenalty = weights.slaPerSecond() * secondsLate;
        double utility = input.quality() - costPenalty - latencyPenalty;
        return new CandidateScore(input.backend(), input.tier(), input.simulated(), input.quality(),
                input.qualityBasis(), input.costMicros(), costPenalty, input.latency(), latencyMs, target,
                latencyPenalty, utility, null, null);
    }

    private static CandidateScore hardBounds(CandidateScore score, CandidateInput input, ServiceLevel level,
                                             Map<String, String> ruleExclusions, Long budgetLeftMicros) {
        String byRule = ruleExclusions.get(input.backend());
        if (byRule != null) {
            return score.exclude(Exclusion.RULE, byRule);
        }
        if (input.unavailable() != null) {
            return score.exclude(Exclusion.UNAVAILABLE, input.unavailable());
        }
        if (level.maxCostMicros() != null && input.costMicros() > level.maxCostMicros()) {
            return score.exclude(Exclusion.MAX_COST, "predicted cost " + input.costMicros()
                    + " micro-USD, above the maximum of " + level.maxCostMicros());
        }
        if (budgetLeftMicros != null && input.costMicros() > 0 && input.costMicros() > budgetLeftMicros) {
            return score.exclude(Exclusion.BUDGET, "the budget has " + budgetLeftMicros
                    + " micro-USD left, less than the predicted " + input.costMicros());
        }
        return score;
    }

    /** Excludes the eligible candidates that miss a bound, but only if some eligible candidate meets it. */
    private static void boundIfMet(List<CandidateScore> scores, Predicate<CandidateScore> meets, Exclusion kind,
                                   Function<CandidateScore, String> why, List<String> notes, String noneMeets) {
        boolean anyMeets = scores.stream().anyMatch(s -> s.eligible() && meets.test(s));
        if (!anyMeets) {
            if (scores.stream().anyMatch(CandidateScore::eligible)) {
                notes.add(noneMeets + "; best effort");
            }
            return;
        }
        scores.replaceAll(s -> s.eligible() && !meets.test(s) ? s.exclude(kind, why.apply(s)) : s);
    }
}
