package dev.llmrouter.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SemanticMatcherTest {

    private final SemanticMatcher matcher = new SemanticMatcher();

    @Test
    void loadsShippedThresholdWithinRange() {
        assertTrue(matcher.threshold() > 0 && matcher.threshold() < 1, "threshold " + matcher.threshold());
    }

    @Test
    void clearParaphraseWithHighCosineIsAHit() {
        MatchDecision d = matcher.decide("How do I reset my password?", "How can I reset my password?", 0.97);
        assertTrue(d.hit(), d.reason());
        assertTrue(d.score() >= matcher.threshold(), d.reason());
    }

    @Test
    void guardsVetoEvenAtHighCosine() {
        MatchDecision sum = matcher.decide("What is 2+2?", "What is 2+3?", 0.99);
        assertFalse(sum.hit());
        assertTrue(sum.reason().contains("numbers"), sum.reason());
        MatchDecision negation = matcher.decide("cancel my order", "don't cancel my order", 0.99);
        assertFalse(negation.hit());
        assertTrue(negation.reason().contains("negation"), negation.reason());
        assertFalse(matcher.decide("How do I enable dark mode", "How do I disable dark mode", 0.99).hit());
        assertFalse(matcher.decide("What is the capital of France?", "What is the capital of Germany?", 0.99).hit());
    }

    @Test
    void lowCosineIsNeverAHit() {
        MatchDecision d = new SemanticMatcher(0.0).decide("How do I reset my password?", "How can I reset my password?", 0.5);
        assertFalse(d.hit());
        assertTrue(d.reason().contains("below"), d.reason());
    }

    @Test
    void stricterThresholdServesFewerHits() {
        MatchDecision loose = new SemanticMatcher(0.0).decide("How do I learn to cook?", "Where can I learn cooking?", 0.85);
        MatchDecision strict = new SemanticMatcher(1.0).decide("How do I learn to cook?", "Where can I learn cooking?", 0.85);
        assertTrue(loose.hit(), loose.reason());
        assertFalse(strict.hit(), strict.reason());
    }

    @Test
    void rejectsThresholdOutsideUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> new SemanticMatcher(1.5));
    }
}
