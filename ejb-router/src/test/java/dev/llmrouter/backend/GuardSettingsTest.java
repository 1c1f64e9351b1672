package dev.llmrouter.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.chat.Tier;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GuardSettingsTest {

    private static GuardSettings resolve(Tier tier, Map<String, String> config) {
        return GuardSettings.resolve(new ScriptedBackend(tier).definition(), key -> Optional.ofNullable(config.get(key)));
    }

    @Test
    void defaultsGiveTheLocalTierFewerSlotsThanTheCloud() {
        assertEquals(4, resolve(Tier.LOCAL, Map.of()).maxConcurrency());
        assertEquals(16, resolve(Tier.CLOUD, Map.of()).maxConcurrency());
        assertEquals(2, resolve(Tier.CLOUD, Map.of()).maxAttempts());
    }

    @Test
    void aBackendsOwnKeyBeatsItsTierWhichBeatsTheGlobalOne() {
        Map<String, String> config = Map.of(
                "router.backend.retry.max-attempts", "3",
                "router.backend.cloud.retry.max-attempts", "4",
                "router.backend.scripted-cloud.retry.max-attempts", "5",
                "router.backend.max-concurrency", "7",
                "router.backend.breaker.open-ms", "2000");

        assertEquals(5, resolve(Tier.CLOUD, config).maxAttempts());
        assertEquals(3, resolve(Tier.LOCAL, config).maxAttempts());
        assertEquals(7, resolve(Tier.LOCAL, config).maxConcurrency());
        assertEquals(Duration.ofSeconds(2), resolve(Tier.LOCAL, config).openDuration());
    }

    @Test
    void jitterStaysBelowTheBackoff() {
        GuardSettings settings = resolve(Tier.LOCAL, Map.of("router.backend.retry.backoff-ms", "100",
                "router.backend.retry.jitter-ms", "500"));

        assertTrue(settings.jitter().compareTo(settings.backoff()) < 0, settings.toString());
    }

    @Test
    void unusableValuesAreRefusedAtStartUp() {
        assertThrows(IllegalArgumentException.class,
                () -> resolve(Tier.LOCAL, Map.of("router.backend.retry.max-attempts", "0")));
        assertThrows(IllegalArgumentException.class,
                () -> resolve(Tier.LOCAL, Map.of("router.backend.max-concurrency", "many")));
    }
}
