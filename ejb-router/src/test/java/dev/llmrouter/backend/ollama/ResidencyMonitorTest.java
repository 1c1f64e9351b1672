package dev.llmrouter.backend.ollama;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmrouter.backend.Residency;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ResidencyMonitorTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final List<Runnable> scheduled = new ArrayList<>();
    private final AtomicInteger polls = new AtomicInteger();
    private Map<String, Instant> running = Map.of();

    private ResidencyMonitor monitor(Clock clock, Supplier<Map<String, Instant>> poll) {
        return new ResidencyMonitor(() -> {
            polls.incrementAndGet();
            return poll.get();
        }, scheduled::add, Duration.ofSeconds(5), clock);
    }


    private void runScheduled() {
        List<Runnable> now = new ArrayList<>(scheduled);
        scheduled.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void unknownUntilTheFirstPollAnswersThenFromItsAnswer() {
        running = Map.of("llama3.2:3b", NOW.plusSeconds(300));
        ResidencyMonitor m = monitor(Clock.fixed(NOW, ZoneOffset.UTC), () -> running);

        assertEquals(Residency.UNKNOWN, m.residency("llama3.2:3b"), "asking never waits for the network");
        runScheduled();

        assertEquals(Residency.RESIDENT, m.residency("llama3.2:3b"));
        assertEquals(Residency.NOT_LOADED, m.residency("llama3.1:8b"));
    }

    @Test
    void aBareNameMeansItsLatestTag() {
        running = Map.of("mistral:latest", NOW.plusSeconds(60));
        ResidencyMonitor m = monitor(Clock.fixed(NOW, ZoneOffset.UTC), () -> running);
        m.pollNow();

        assertEquals(Residency.RESIDENT, m.residency("mistral"));
    }

    @Test
    void anExpiredEntryIsNotLoadedAndNoExpiryMeansLoaded() {
        running = new java.util.HashMap<>();
        running.put("old:1b", NOW.minusSeconds(1));
        running.put("pinned:7b", null);
        ResidencyMonitor m = monitor(Clock.fixed(NOW, ZoneOffset.UTC), () -> running);
        m.pollNow();

        assertEquals(Residency.NOT_LOADED, m.residency("old:1b"));
        assertEquals(Residency.RESIDENT, m.residency("pinned:7b"));
    }

    @Test
    void pollsAtMostOncePerIntervalAndOneAtATime() {
        ResidencyMonitor m = monitor(Clock.fixed(NOW, ZoneOffset.UTC), () -> running);

        m.residency("a");
        m.residency("a");
        assertEquals(1, scheduled.size(), "one poll in flight at a time");
        runScheduled();
        m.residency("a");
        assertEquals(0, scheduled.size(), "the answer is fresh");
        assertEquals(1, polls.get());
    }

    @Test
    void anUnreachableServerMakesResidencyUnknown() {
        ResidencyMonitor m = monitor(Clock.fixed(NOW, ZoneOffset.UTC), () -> {
            throw new IllegalStateException("connection refused");
        });
        m.pollNow();

        assertEquals(Residency.UNKNOWN, m.residency("a"));
    }

    @Test
    void aSuccessfulCallMarksItsModelLoaded() {
        ResidencyMonitor m = monitor(Clock.fixed(NOW, ZoneOffset.UTC), () -> running);
        m.pollNow();
        assertEquals(Residency.NOT_LOADED, m.residency("llama3.1:8b"));

        m.used("llama3.1:8b");

        assertEquals(Residency.RESIDENT, m.residency("llama3.1:8b"));
    }
}
