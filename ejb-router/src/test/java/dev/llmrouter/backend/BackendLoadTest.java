package dev.llmrouter.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BackendLoadTest {

    private static BackendLoad load(int inFlight, int waiting, long runningAtLeastMs) {
        return new BackendLoad("local", inFlight, waiting, 4, 32, "CLOSED", Residency.NOT_APPLICABLE, runningAtLeastMs);
    }

    @Test
    void aFreeSlotMeansNoWait() {
        assertEquals(0, load(0, 0, 0).predictedWaitMs(1000));
        assertEquals(0, load(3, 0, 60_000).predictedWaitMs(1000), "one slot of four is free");
    }

    @Test
    void theCallsAheadShareTheSlots() {
        assertEquals(250, load(4, 0, 0).predictedWaitMs(1000), "itself, on four slots");
        assertEquals(1250, load(4, 4, 0).predictedWaitMs(1000), "four waiting and itself");
    }

    @Test
    void callsThatHaveRunLongerThanHistorySaysSetThePace() {
        // History says a call takes 2 ms (an upstream that answered at once so far), but every call
        // in flight has already run 3 s: the next slot is not 2 ms away.
        assertEquals(3750, load(4, 4, 3000).predictedWaitMs(2));
        assertEquals(1250, load(4, 4, 300).predictedWaitMs(1000), "younger than the usual call: history stands");
    }

    @Test
    void aNegativeAgeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> load(1, 0, -1));
    }
}
