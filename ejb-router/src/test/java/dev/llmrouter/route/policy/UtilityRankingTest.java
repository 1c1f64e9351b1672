package dev.llmrouter.route.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.chat.Tier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UtilityRankingTest {

    private static final UtilityWeights WEIGHTS = new UtilityWeights(1000, 0.5);
    private static final ServiceLevel NO_BOUNDS = new ServiceLevel(null, null, null, null, null, 1000);

    private static CandidateInput local(double quality, long queueMs) {
        return new CandidateInput("local", Tier.LOCAL, false, quality, "prior", 0,
                new LatencyPrediction(queueMs, 0, 100, 900), null);
    }

    private static CandidateInput cloud(double quality, long costMicros) {
        return new CandidateInput("cloud", Tier.CLOUD, false, quality, "prior", costMicros,
                new LatencyPrediction(0, 0, 400, 600), null);
    }

    private static List<String> order(Ranking r) {
        return r.scores().stream().map(CandidateScore::backend).toList();
    }

    @Test
    void utilityIsQualityMinusCostMinusLateness() {
        ServiceLevel level = new ServiceLevel("p", 1000L, null, null, null, 1000);
        CandidateScore s = UtilityRanking.score(new CandidateInput("x", Tier.CLOUD, false, 0.9, "b", 200,
                new LatencyPrediction(500, 0, 400, 1100), null), level, WEIGHTS, false);

        assertEquals(0.2, s.costPenalty(), 1e-9, "1000 per USD x 0.0002 USD");
        assertEquals(2000, s.latencyMs());
        assertEquals(0.5, s.latencyPenalty(), 1e-9, "0.5 per second x 1 s late");
        assertEquals(0.9 - 0.2 - 0.5, s.utility(), 1e-9);
        assertEquals(1000L, s.targetMs());
    }

    @Test
    void aStreamIsJudgedOnItsFirstToken() {
        ServiceLevel level = new ServiceLevel("p", 1000L, null, null, null, 1000);
        CandidateInput slowToFinish = new CandidateInput("x", Tier.LOCAL, false, 0.5, "b", 0,
                new LatencyPrediction(0, 300, 200, 5000), null);

        assertEquals(0, UtilityRanking.score(slowToFinish, level, WEIGHTS, true).latencyPenalty(), 1e-9);
        assertTrue(UtilityRanking.score(slowToFinish, level, WEIGHTS, false).latencyPenalty() > 2);
    }

    @Test
    void cheapEnoughQualityWinsAndAHardPromptGoesToTheCloud() {
        Ranking easy = UtilityRanking.rank(List.of(local(0.85, 0), cloud(0.9, 200)), NO_BOUNDS, WEIGHTS, Map.of(),
                null, false);
        Ranking hard = UtilityRanking.rank(List.of(local(0.3, 0), cloud(0.9, 200)), NO_BOUNDS, WEIGHTS, Map.of(),
                null, false);

        assertEquals(List.of("local", "cloud"), order(easy));
        assertEquals(List.of("cloud", "local"), order(hard));
    }

    @Test
    void aLongLocalQueueMovesTrafficToTheCloudOnlyWhenThereIsATarget() {
        ServiceLevel target = new ServiceLevel("p", 2000L, null, null, null, 1000);
        List<CandidateInput> queued = List.of(local(0.85, 8000), cloud(0.9, 200));

        assertEquals("local", order(UtilityRanking.rank(queued, NO_BOUNDS, WEIGHTS, Map.of(), null, false)).get(0));
        assertEquals("cloud", order(UtilityRanking.rank(queued, target, WEIGHTS, Map.of(), null, false)).get(0));
    }

    @Test
    void aDeadlineExcludesWhoMissesItWhileSomeoneMeetsIt() {
        ServiceLevel deadline = new ServiceLevel(null, null, 1500L, null, null, 1000);
        Ranking r = UtilityRanking.rank(List.of(local(0.85, 4000), cloud(0.5, 200)), deadline, WEIGHTS, Map.of(), null,
                false);

        assertEquals(List.of("cloud"), r.eligible().stream().map(CandidateScore::backend).toList());
        CandidateScore slow = r.scores().get(1);
        assertEquals(Exclusion.DEADLINE, slow.exclusion());
        assertTrue(slow.excluded().contains("beyond the deadline of 1500 ms"), slow.excluded());
    }

    @Test
    void whenNobodyMeetsTheDeadlineEveryoneStaysAsBestEffort() {
        ServiceLevel deadline = new ServiceLevel(null, null, 100L, null, null, 1000);
        Ranking r = UtilityRanking.rank(List.of(local(0.85, 0), cloud(0.9, 200)), deadline, WEIGHTS, Map.of(), null,
                false);

        assertEquals(2, r.eligible().size());
        assertTrue(r.notes().get(0).contains("best effort"), r.notes().toString());
    }

    @Test
    void minimumQualityExcludesWeakerCandidatesWhileOneReachesIt() {
        ServiceLevel floor = new ServiceLevel(null, null, null, null, 0.8, 1000);
        Ranking r = UtilityRanking.rank(List.of(local(0.6, 0), cloud(0.9, 200)), floor, WEIGHTS, Map.of(), null,
                false);

        assertEquals(List.of("cloud"), r.eligible().stream().map(CandidateScore::backend).toList());
        assertEquals(Exclusion.MIN_QUALITY, r.scores().get(1).exclusion());
    }

    @Test
    void maxCostAndBudgetAreHardAndRulesComeFirst() {
        ServiceLevel cheap = new ServiceLevel(null, null, null, 100L, null, 1000);
        Ranking costly = UtilityRanking.rank(List.of(local(0.2, 0), cloud(0.9, 200)), cheap, WEIGHTS, Map.of(), null,
                false);
        Ranking broke = UtilityRanking.rank(List.of(local(0.2, 0), cloud(0.9, 200)), NO_BOUNDS, WEIGHTS, Map.of(), 150L,
                false);
        Ranking ruled = UtilityRanking.rank(List.of(local(0.2, 0), cloud(0.9, 200)), cheap, WEIGHTS,
                Map.of("cloud", "forbidden by rule 'x'"), 150L, false);

        assertEquals(Exclusion.MAX_COST, costly.scores().get(1).exclusion());
        assertEquals(Exclusion.BUDGET, broke.scores().get(1).exclusion());
        assertTrue(Exclusion.BUDGET.lastResort());
        assertEquals(Exclusion.RULE, ruled.scores().get(1).exclusion());
        assertFalse(Exclusion.RULE.lastResort());
        assertEquals(List.of("local"), ruled.eligible().stream().map(CandidateScore::backend).toList());
    }

    @Test
    void unavailableCandidatesAreExcludedButMayBeTriedLast() {
        CandidateInput open = new CandidateInput("cloud", Tier.CLOUD, false, 0.9, "b", 10,
                new LatencyPrediction(0, 0, 1, 1), "circuit breaker open");
        Ranking r = UtilityRanking.rank(List.of(open, local(0.1, 0)), NO_BOUNDS, WEIGHTS, Map.of(), null, false);

        assertEquals(List.of("local", "cloud"), order(r));
        assertEquals(Exclusion.UNAVAILABLE, r.scores().get(1).exclusion());
        assertTrue(Exclusion.UNAVAILABLE.lastResort());
    }

    @Test
    void equalUtilityPrefersCheaperThenFasterThenTheName() {
        Ranking r = UtilityRanking.rank(List.of(cloud(0.5, 0), local(0.5, 0)), NO_BOUNDS, WEIGHTS, Map.of(), null,
                false);
        // Same utility and cost: the faster one first (local: 1000 ms, cloud: 1000 ms), then by name.
        assertEquals(List.of("cloud", "local"), order(r));
        assertNull(r.scores().get(0).exclusion());
    }

    @Test
    void hintsOnlyTighten() {
        ServiceLevel policy = new ServiceLevel("gold", 3000L, null, 500L, 0.7, 100);

        ServiceLevel tighter = policy.tightenedBy(1000L, 200L, 0.9);
        ServiceLevel looser = policy.tightenedBy(null, 900L, 0.1);

        assertEquals(1000L, tighter.deadlineMs());
        assertEquals(1000L, tighter.effectiveTargetMs());
        assertEquals(200L, tighter.maxCostMicros());
        assertEquals(0.9, tighter.minQuality());
        assertEquals(500L, looser.maxCostMicros());
        assertEquals(0.7, looser.minQuality());
        assertEquals(3000L, looser.effectiveTargetMs());
    }
}
