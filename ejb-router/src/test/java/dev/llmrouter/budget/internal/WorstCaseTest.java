package dev.llmrouter.budget.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.backend.BackendDefinition;
import dev.llmrouter.chat.ChatMessage;
import dev.llmrouter.chat.Tier;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorstCaseTest {

    private static BackendDefinition priced(long inputPerMillion, long outputPerMillion) {
        return new BackendDefinition("cloud", "openai", Tier.CLOUD, URI.create("http://127.0.0.1:1"), "m", null,
                inputPerMillion, outputPerMillion, Duration.ofSeconds(1), Duration.ofSeconds(1), false);
    }

    @Test
    void inputTokensRoundEachMessageUpAndAddFraming() {
        // "user" + 10 chars = 14 bytes -> 5 tokens, + 4 per message, + 3 for the reply.
        assertEquals(5 + 4 + 3, WorstCase.inputTokens(List.of(ChatMessage.user("0123456789"))));
        // "user" + 11 chars = 15 bytes -> exactly 5 tokens.
        assertEquals(5 + 4 + 3, WorstCase.inputTokens(List.of(ChatMessage.user("01234567890"))));
        assertEquals(6 + 4 + 3, WorstCase.inputTokens(List.of(ChatMessage.user("012345678901"))));
    }

    @Test
    void multiByteTextCountsMoreTokensThanItsCharacters() {
        // Three CJK characters are nine bytes: "user" (4 bytes) + 9 = 13 bytes -> 5 tokens.
        assertEquals(5 + 4 + 3, WorstCase.inputTokens(List.of(ChatMessage.user("\u4f60\u597d\u5417"))));
    }

    @Test
    void everyMessageAddsItsFraming() {
        int one = WorstCase.inputTokens(List.of(ChatMessage.user("")));
        int two = WorstCase.inputTokens(List.of(ChatMessage.system(""), ChatMessage.user("")));

        assertEquals(2 + 4 + 3, one);
        assertEquals(one + 2 + 4, two, "system is 6 bytes: 2 tokens, plus framing");
    }

    @Test
    void costRoundsEachSideUpToWholeMicros() {
        // 12 input tokens at 150,000 per million = 1.8 -> 2; 20 output tokens at 600,000 per million = 12.
        long cost = WorstCase.costMicros(priced(150_000, 600_000), List.of(ChatMessage.user("0123456789")), 20);

        assertEquals(2 + 12, cost);
    }

    @Test
    void freeBackendsCostNothingInTheWorstCase() {
        assertEquals(0, WorstCase.costMicros(priced(0, 0), List.of(ChatMessage.user("anything at all")), 4096));
    }

    @Test
    void theEstimateCoversTheSimulatorsOwnCount() {
        String text = "Summarise the history of the French revolution in three sentences, please.";
        int simulatorCount = (text.length() + 3) / 4 + 3;

        assertTrue(WorstCase.inputTokens(List.of(ChatMessage.user(text))) >= simulatorCount);
    }

    @Test
    void maxOutputIsTheRequestsOwnBoundElseTheDefault() {
        assertEquals(64, WorstCase.maxOutputTokens(64, 1024));
        assertEquals(1024, WorstCase.maxOutputTokens(null, 1024));
        assertEquals(1024, WorstCase.maxOutputTokens(0, 1024));
    }

    @Test
    void retryAfterRoundsUpToWholeSecondsAndIsNeverZero() {
        java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");

        assertEquals(2, DefaultBudgets.retryAfter(now, now.plusMillis(1_001)));
        assertEquals(1, DefaultBudgets.retryAfter(now, now));
        assertEquals(null, DefaultBudgets.retryAfter(now, null));
    }
}
