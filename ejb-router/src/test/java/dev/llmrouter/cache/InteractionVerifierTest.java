package dev.llmrouter.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.embed.DjlEmbedder;
import dev.llmrouter.embed.Embedded;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped token-interaction network on real MiniLM token states, alone and inside the matcher. */
class InteractionVerifierTest {

    private static DjlEmbedder embedder;
    private static InteractionVerifier interaction;

    @BeforeAll
    static void load() {
        embedder = DjlEmbedder.load(1);
        interaction = InteractionVerifier.shipped();
    }

    @AfterAll
    static void close() {
        interaction.close();
        embedder.close();
    }

    private static double probability(String a, String b) {
        return interaction.probability(embedder.encode(a), embedder.encode(b));
    }

    @Test
    void probabilityIsWithinZeroAndOneAndTheSameEitherWayRound() {
        String a = "How do I reset my password?";
        String b = "How can I change my password?";
        double ab = probability(a, b);
        assertTrue(ab > 0 && ab < 1, "probability " + ab);
        assertEquals(ab, probability(b, a), 1e-5);
    }

    @Test
    void rewordingScoresAboveAnotherQuestionOnTheSameTopic() {
        double reworded = probability("What is the best way to learn Python?", "How can I learn Python the best way?");
        double other = probability("What is the best way to learn Python?", "What is the best Python web framework?");
        assertTrue(reworded > 0.5, "reworded " + reworded);
        assertTrue(other < 0.5, "other question " + other);
    }

    @Test
    void theServersPathServesAParaphrase() {
        SemanticMatcher matcher = new SemanticMatcher(null, interaction);
        String cached = "How do I reset my password?";
        String incoming = "How can I reset my password?";
        Embedded in = embedder.encode(incoming);
        MatchDecision d = matcher.decide(cached, incoming, embedder.embed(cached), in, () -> embedder.encode(cached));
        assertTrue(d.hit(), d.reason());
        assertEquals(interaction.threshold(), matcher.threshold());
    }

    @Test
    void tokenStatesOfTheCachedQuestionAreOnlyComputedWhenTheyCanChangeTheVerdict() {
        String cached = "What are some good ways to learn cooking at home?";
        String incoming = "How can I learn to cook at home?";
        Embedded in = embedder.encode(incoming);
        float[] cachedVector = embedder.embed(cached);
        AtomicInteger asked = new AtomicInteger();
        Supplier<Embedded> counted = () -> {
            asked.incrementAndGet();
            return embedder.encode(cached);
        };

        MatchDecision never = new SemanticMatcher(1.0, interaction).decide(cached, incoming, cachedVector, in, counted);
        assertFalse(never.hit());
        assertEquals(0, asked.get(), "a threshold of 1 cannot be reached, so no model run is spent");

        MatchDecision always = new SemanticMatcher(0.0, interaction).decide(cached, incoming, cachedVector, in, counted);
        assertTrue(always.hit(), always.reason());
        assertEquals(1, asked.get());
    }

    @Test
    void scoringEveryPairGivesOneScoreWhateverTheThreshold() {
        String cached = "What are some good ways to learn cooking at home?";
        String incoming = "How can I learn to cook at home?";
        Embedded in = embedder.encode(incoming);
        float[] cachedVector = embedder.embed(cached);
        InteractionVerifier full = interaction.scoringEveryPair();
        MatchDecision lenient = new SemanticMatcher(0.0, full).decide(cached, incoming, cachedVector, in,
                () -> embedder.encode(cached));
        MatchDecision strict = new SemanticMatcher(1.0, full).decide(cached, incoming, cachedVector, in,
                () -> embedder.encode(cached));
        assertTrue(lenient.score() > 0 && lenient.score() < 1, lenient.reason());
        assertEquals(lenient.score(), strict.score(), 1e-9);
        MatchDecision settled = new SemanticMatcher(1.0, interaction).decide(cached, incoming, cachedVector, in,
                () -> embedder.encode(cached));
        assertTrue(settled.score() >= strict.score(), "a refusal settled early reports the highest reachable score");
    }

    @Test
    void guardsVetoBeforeAnyTokenStatesAreComputed() {
        Supplier<Embedded> refused = () -> {
            throw new AssertionError("token states asked for a pair the guards refuse");
        };
        SemanticMatcher matcher = new SemanticMatcher(0.0, interaction);
        MatchDecision sum = matcher.decide("What is 2+2?", "What is 2+3?", embedder.embed("What is 2+2?"),
                embedder.encode("What is 2+3?"), refused);
        assertFalse(sum.hit());
        assertTrue(sum.reason().contains("numbers"), sum.reason());
    }
}
