package dev.llmrouter.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void aStreamSeparatesFirstTokenFromGeneration() {
        LatencyStats stats = new LatencyStats();

        stats.observe("b", "math", 200, 1200, 101, true, 25);

        LatencyStats.Estimate e = stats.estimate("b", "math");
        assertEquals(200, e.ttftMs(), 1e-9);
        assertEquals(10, e.msPerToken(), 1e-9);
        assertEquals(1200, e.callMs(), 1e-9);
        assertEquals(1, e.samples());
    }

    @Test
    void aPlainCallIsSplitWithTheKnownPacePerToken() {
        LatencyStats stats = new LatencyStats();
        stats.observe("b", "chat", 100, 1100, 101, true, 25);

        stats.observe("b", "chat", 2000, 2000, 100, false, 25);

        // 2000 ms for 100 tokens at 10 ms a token: 1000 ms before the first; weighted 0.2 into 100.
        assertEquals(100 + 0.2 * (1000 - 100), stats.estimate("b", "chat").ttftMs(), 1e-9);
    }

    @Test
    void aCategoryNeedsAFewCallsBeforeItsOwnFiguresCount() {
        LatencyStats stats = new LatencyStats();
        for (int i = 0; i < 5; i++) {
            stats.observe("b", "chat", 100, 500, 10, false, 10);
        }
        stats.observe("b", "code", 900, 5000, 10, false, 10);

        assertEquals(6, stats.estimate("b", "code").samples(), "one code call: the backend's overall figures");
        for (int i = 0; i < LatencyStats.MIN_CATEGORY_SAMPLES; i++) {
            stats.observe("b", "code", 900, 5000, 10, false, 10);
        }
        assertEquals(4, stats.estimate("b", "code").samples());
        assertEquals(0, stats.estimate("other", "code").samples());
    }

    @Test
    void answerLengthIsLearnedPerCategory() {
        LatencyStats stats = new LatencyStats();

        assertEquals(250, stats.expectedAnswerTokens("code", 250), 1e-9);
        stats.observe("b", "code", 1, 2, 400, false, 1);
        stats.observe("b", "code", 1, 2, 600, false, 1);

        assertEquals(440, stats.expectedAnswerTokens("code", 250), 1e-9);
        assertTrue(stats.expectedAnswerTokens("chat", 250) == 250);
    }
}
