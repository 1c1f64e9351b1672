package dev.llmrouter.web.admin.decisions;

import dev.llmrouter.chat.Tier;
import dev.llmrouter.route.RoutingDecision;
import dev.llmrouter.route.policy.CandidateScore;
import dev.llmrouter.route.policy.Exclusion;
import dev.llmrouter.route.policy.LatencyPrediction;
import dev.llmrouter.route.policy.Ranking;
import dev.llmrouter.route.policy.ServiceLevel;
import dev.llmrouter.route.policy.UtilityWeights;
import java.util.List;

/** Decisions as the pipeline makes them, for tests of what the console shows. */
public final class SampleDecisions {

    private SampleDecisions() {
    }

    /** sim-local first, then sim-cloud; sim-anthropic excluded by the rule "no anthropic". */
    public static RoutingDecision localFirst() {
        return ranked(List.of(
                score("sim-local", Tier.LOCAL, 0.71, 0, 0.71, null, null),
                score("sim-cloud", Tier.CLOUD, 0.86, 420, 0.82, null, null),
                score("sim-anthropic", Tier.CLOUD, 0.88, 900, 0.79, Exclusion.RULE, "forbidden by rule 'no anthropic'")),
                List.of("no anthropic: never sim-anthropic"));
    }

    /** What a "cloud only" rule makes of {@link #localFirst()}. */
    public static RoutingDecision cloudOnly() {
        return ranked(List.of(
                score("sim-cloud", Tier.CLOUD, 0.86, 420, 0.82, null, null),
                score("sim-anthropic", Tier.CLOUD, 0.88, 900, 0.79, null, null),
                score("sim-local", Tier.LOCAL, 0.71, 0, 0.71, Exclusion.RULE, "rule 'cloud only' forces the cloud tier")),
                List.of("cloud only: only the cloud tier"));
    }

    public static RoutingDecision cacheHit() {
        return new RoutingDecision("HIT", 1.0, 7L, "sim-cloud", List.of(), "the same question was answered before",
                null);
    }

    private static RoutingDecision ranked(List<CandidateScore> scores, List<String> rules) {
        List<RoutingDecision.Candidate> plan = scores.stream().filter(CandidateScore::eligible)
                .map(s -> new RoutingDecision.Candidate(s.backend(), s.tier(), true)).toList();
        RoutingDecision.Analysis analysis = new RoutingDecision.Analysis("knowledge", 0.2, 12,
                new ServiceLevel("interactive", 2000L, null, null, null, 100), new UtilityWeights(100, 0.05), rules,
                new Ranking(scores, List.of()), null);
        return new RoutingDecision("MISS", null, null, null, plan, "auto: best utility " + plan.get(0).model(),
                analysis);
    }

    private static CandidateScore score(String backend, Tier tier, double quality, long costMicros, double utility,
                                        Exclusion exclusion, String why) {
        return new CandidateScore(backend, tier, true, quality, "prior", costMicros, costMicros / 10_000.0,
                new LatencyPrediction(0, 0, 200, 800), 1000, 2000L, 0, utility, exclusion, why);
    }
}
