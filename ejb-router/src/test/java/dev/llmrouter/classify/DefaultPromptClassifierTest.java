package dev.llmrouter.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.chat.ChatMessage;
import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.embed.Embedder;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DefaultPromptClassifierTest {

    private final AtomicInteger embedded = new AtomicInteger();

    /** A unit vector per text length: enough for the profile's bookkeeping, no model needed. */
    private final Embedder embedder = new Embedder() {
        @Override
        public int dimensions() {
            return 384;
        }

        @Override
        public float[] embed(String text) {
            embedded.incrementAndGet();
            float[] v = new float[384];
            v[text.length() % 384] = 1;
            return v;
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(this::embed).toList();
        }
    };

    private final DefaultPromptClassifier classifier = new DefaultPromptClassifier(embedder, QualityPrior.shipped());

    private PromptProfile profile(String question) {
        return classifier.profile(ChatRequest.builder().message(ChatMessage.user(question)).build(), null);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
        "Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May. How many clips"
                + " did Natalia sell altogether in April and May?=>math",
        "Why does this fail? ```def f(x): return x[0]``` when I call f(5)=>code",
        "Prove step by step that the square root of 2 is irrational.=>reasoning",
        "Statement 1 | Every group of order 4 is cyclic. Statement 2 | Z_6 is cyclic.\\nA. True, True\\nB. False,"
                + " False\\nC. True, False\\nD. False, True=>reasoning",
        "Which of the following is a primary source?\\nA. a textbook\\nB. a diary\\nC. an encyclopedia\\nD. a review"
                + "=>knowledge",
        "What is the capital of France?=>knowledge",
        "Write a short poem about autumn leaves for my daughter=>writing",
        "hello there=>chat",
    })
    void namesTheCategoryFromExplicitCues(String question, String category) {
        assertEquals(category, profile(question.replace("\\n", "\n")).category());
    }

    @Test
    void difficultyIsTheLocalTiersExpectedFailureRate() {
        PromptProfile p = profile("What is the capital of France?");

        double local = QualityPrior.shipped().predict(dev.llmrouter.chat.Tier.LOCAL, p.features(), p.embedding());
        assertEquals(1 - local, p.difficulty(), 1e-12);
        assertTrue(p.because().startsWith("knowledge prompt (a question), difficulty "), p.because());
    }

    @Test
    void usesTheCachesEmbeddingAndComputesOneOnlyWhenMissing() {
        float[] fromCache = new float[384];
        fromCache[7] = 1;
        PromptProfile given = classifier.profile(
                ChatRequest.builder().message(ChatMessage.user("Is it raining?")).build(), fromCache);
        assertSame(fromCache, given.embedding());
        assertEquals(0, embedded.get());

        PromptProfile computed = profile("Is it raining?");
        assertEquals(1, embedded.get());
        assertEquals(384, computed.embedding().length);
    }

    @Test
    void estimatesPromptTokensOverTheWholeConversation() {
        ChatRequest request = ChatRequest.builder().message(ChatMessage.system("s".repeat(400)))
                .message(ChatMessage.user("u".repeat(399))).build();

        assertEquals(200, classifier.profile(request, null).promptTokens());
    }
}
