package dev.llmrouter.route.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ServiceLevelTest {

    @Test
    void noMinimumQualityAndNoHintStayUnset() {
        ServiceLevel level = new ServiceLevel(null, 2000L, null, null, null, 100);

        assertNull(level.tightenedBy(null, null, null).minQuality());
    }

    @Test
    void aHintOnlyRaisesTheMinimumQuality() {
        ServiceLevel none = new ServiceLevel(null, 2000L, null, null, null, 100);
        ServiceLevel half = new ServiceLevel("p", 2000L, null, null, 0.5, 100);

        assertEquals(0.7, none.tightenedBy(null, null, 0.7).minQuality());
        assertEquals(0.7, half.tightenedBy(null, null, 0.7).minQuality());
        assertEquals(0.5, half.tightenedBy(null, null, 0.2).minQuality());
        assertEquals(0.5, half.tightenedBy(null, null, null).minQuality());
    }
}
