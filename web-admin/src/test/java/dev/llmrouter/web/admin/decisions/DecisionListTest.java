package dev.llmrouter.web.admin.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.admin.UnknownObjectException;
import dev.llmrouter.persistence.StoredDecision;
import dev.llmrouter.route.DecisionJson;
import dev.llmrouter.route.admin.DecisionHistory;
import dev.llmrouter.web.admin.RecordingNotices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionListTest {

    /** Decisions 1..n of tenants 1 (odd ids) and 2 (even ids), answered newest first like the database. */
    static class StoredHistory extends DecisionHistory {
        final List<StoredDecision> stored = new ArrayList<>();

        StoredHistory(int n) {
            String json = DecisionJson.of(SampleDecisions.localFirst()).build().toString();
            for (long id = 1; id <= n; id++) {
                stored.add(decision(id, id % 2 == 1 ? 1 : 2, json));
            }
        }

        @Override
        public List<StoredDecision> recent(Long tenantId, Long beforeId, int limit) {
            return stored.stream().filter(d -> tenantId == null || d.tenantId() == tenantId)
                    .filter(d -> beforeId == null || d.id() < beforeId)
                    .sorted(Comparator.comparingLong(StoredDecision::id).reversed()).limit(limit).toList();
        }

        @Override
        public StoredDecision get(long id) {
            return stored.stream().filter(d -> d.id() == id).findFirst()
                    .orElseThrow(() -> new UnknownObjectException("id", "No decision " + id + "."));
        }
    }

    static StoredDecision decision(long id, long tenantId, String json) {
        return new StoredDecision(id, "req-" + id, tenantId, "tenant-" + tenantId, null, "auto", "knowledge", 0.2, 12,
                null, "LOCAL", "sim-local", "MISS", null, "OK", "auto: best utility sim-local", json, id == 3 ? 0.75 : null,
                null, null, Instant.parse("2026-03-10T12:07:30Z"));
    }

    private final RecordingNotices notices = new RecordingNotices();

    private DecisionList page(StoredHistory history) {
        DecisionList page = new DecisionList();
        page.history = history;
        page.notices = notices;
        return page;
    }

    @Test
    void pagesGoBackByIdAndReturn() {
        DecisionList page = page(new StoredHistory(60));

        assertEquals(60, page.getRows().get(0).getId());
        assertEquals(DecisionList.PAGE, page.getRows().size());
        assertFalse(page.isNewerAvailable());
        page.older();
        assertEquals(60 - DecisionList.PAGE, page.getRows().get(0).getId());
        page.older();
        assertEquals(10, page.getRows().size(), "the last page holds what is left");
        assertFalse(page.isOlderAvailable());
        page.newer();
        assertEquals(60 - DecisionList.PAGE, page.getRows().get(0).getId());
        page.newer();
        assertEquals(60, page.getRows().get(0).getId());
        assertFalse(page.isNewerAvailable());
    }

    @Test
    void theTenantFilterStartsAtItsNewest() {
        DecisionList page = page(new StoredHistory(60));
        page.older();
        page.setTenantId(1L);
        page.newest();

        assertEquals(59, page.getRows().get(0).getId());
        assertTrue(page.getRows().stream().allMatch(r -> r.getTenant().equals("tenant-1")));
    }

    @Test
    void rowsSayWhatTheTableShows() {
        DecisionRow row = page(new StoredHistory(3)).getRows().get(0);

        assertEquals("Mar 10 12:07:30", row.getAt());
        assertEquals("0.75", row.getFeedback());
        assertTrue(row.isOk());
        assertEquals("LOCAL", row.getTier());
    }

    @Test
    void anOpenedDecisionShowsEveryCandidateWithItsTerms() {
        DecisionList page = page(new StoredHistory(3));
        page.open(2);

        Explanation x = page.getExplanation();
        assertEquals(2, page.getOpened().getId());
        assertEquals("sim-local", x.getFirstModel());
        assertEquals("LOCAL", x.getFirstTier());
        assertEquals("sim-local, then sim-cloud", x.getPlan());
        assertEquals("MISS", x.getCacheVerdict());
        assertEquals("interactive", x.getSlaPolicy());
        assertEquals(List.of("no anthropic: never sim-anthropic"), x.getRules());
        assertEquals(3, x.getRanking().size());
        CandidateRow cloud = x.getRanking().get(1);
        assertEquals("sim-cloud", cloud.getModel());
        assertEquals("0.82", cloud.getUtility());
        assertEquals("0.86", cloud.getQuality());
        assertEquals("$0.000420", cloud.getCost());
        assertEquals("0.042", cloud.getCostPenalty());
        assertEquals(1000, cloud.getLatencyMs());
        assertEquals("2000 ms", cloud.getTarget());
        CandidateRow anthropic = x.getRanking().get(2);
        assertFalse(anthropic.isEligible());
        assertEquals("rule", anthropic.getExclusion());
        assertEquals("forbidden by rule 'no anthropic'", anthropic.getExcludedBecause());

        page.close();
        assertNull(page.getExplanation());
    }

    @Test
    void aCacheHitIsExplainedAsOne() {
        Explanation x = Explanation.of(SampleDecisions.cacheHit());

        assertTrue(x.isFromCache());
        assertEquals("CACHE", x.getFirstTier());
        assertEquals("HIT (sim-cloud)", x.getCacheVerdict());
        assertTrue(x.getRanking().isEmpty());
    }

    @Test
    void anUnknownOrUnreadableDecisionBecomesAMessage() {
        StoredHistory history = new StoredHistory(1);
        history.stored.add(decision(2, 1, "not json"));
        DecisionList page = page(history);

        page.open(99);
        page.open(2);

        assertNull(page.getExplanation());
        assertEquals(List.of("Not found: No decision 99.", "Not readable: Decision 2 has no readable ranking."),
                notices.shown);
    }
}
