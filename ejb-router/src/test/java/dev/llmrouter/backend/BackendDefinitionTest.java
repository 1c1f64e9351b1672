package dev.llmrouter.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.chat.Tier;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackendDefinitionTest {

    private static final String API_KEY = "sk-very-secret-key-123";

    private static BackendDefinition priced(long input, long output) {
        return new BackendDefinition("cloud-1", "openai", Tier.CLOUD, URI.create("https://api.example.com/v1"),
                "gpt-x", API_KEY, input, output, Duration.ofSeconds(2), Duration.ofSeconds(30), false);
    }

    @Test
    void zeroTokensCostNothing() {
        assertEquals(0, priced(150_000, 600_000).costMicros(0, 0));
    }

    @Test
    void oneTokenIsRoundedUpToOneMicro() {
        assertEquals(1, priced(150_000, 0).costMicros(1, 0));
        assertEquals(1, priced(0, 600_000).costMicros(0, 1));
        assertEquals(2, priced(150_000, 600_000).costMicros(1, 1));
    }

    @Test
    void aMillionTokensCostExactlyThePrice() {
        BackendDefinition definition = priced(150_000, 600_000);

        assertEquals(150_000, definition.costMicros(1_000_000, 0));
        assertEquals(600_000, definition.costMicros(0, 1_000_000));
        assertEquals(750_000, definition.costMicros(1_000_000, 1_000_000));
    }

    @Test
    void inputAndOutputAreRoundedUpSeparately() {
        // 3 * 333_333 = 999_999 -> 1 micro; 1_000_001 * 1 = 1_000_001 -> 2 micros.
        assertEquals(1, priced(333_333, 0).costMicros(3, 0));
        assertEquals(2, priced(0, 1).costMicros(0, 1_000_001));
        assertEquals(3, priced(333_333, 1).costMicros(3, 1_000_001));
    }

    @Test
    void exactMultiplesAreNotRoundedUp() {
        assertEquals(3, priced(1_000_000, 0).costMicros(3, 0));
        assertEquals(15, priced(150_000, 0).costMicros(100, 0));
    }

    @Test
    void freeModelsCostNothing() {
        assertEquals(0, priced(0, 0).costMicros(1_000_000, 1_000_000));
    }

    @Test
    void largeCountsDoNotOverflow() {
        // Integer.MAX_VALUE tokens at $100 per million: would overflow if multiplied as int.
        long cost = priced(100_000_000, 0).costMicros(Integer.MAX_VALUE, 0);

        assertEquals(-Math.floorDiv(-(long) Integer.MAX_VALUE * 100_000_000L, 1_000_000L), cost);
        assertTrue(cost > 0);
    }

    @Test
    void negativePricesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> priced(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> priced(0, -1));
    }

    @Test
    void requiredFieldsAreChecked() {
        assertThrows(NullPointerException.class, () -> new BackendDefinition(null, "openai", Tier.CLOUD,
                URI.create("http://x"), "m", null, 0, 0, Duration.ofSeconds(1), Duration.ofSeconds(1), false));
        assertThrows(NullPointerException.class, () -> new BackendDefinition("id", "openai", Tier.CLOUD,
                null, "m", null, 0, 0, Duration.ofSeconds(1), Duration.ofSeconds(1), false));
    }

    @Test
    void toStringNeverContainsTheApiKey() {
        BackendDefinition definition = priced(1, 1);

        String text = definition.toString();

        assertFalse(text.contains(API_KEY), text);
        assertFalse(text.contains("secret"), text);
        assertTrue(text.contains("cloud-1"), text);
        assertTrue(text.contains("gpt-x"), text);
    }

    @Test
    void theApiKeyIsStillAvailableToTheBackend() {
        assertEquals(API_KEY, priced(1, 1).apiKey());
    }
}
