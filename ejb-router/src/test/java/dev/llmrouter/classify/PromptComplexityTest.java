package dev.llmrouter.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmrouter.chat.ChatMessage;
import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.classify.PromptComplexity.Estimate;
import dev.llmrouter.classify.PromptComplexity.Level;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromptComplexityTest {

    private static final String SIMPLE_BECAUSE = "short question without code or reasoning cues";
    private static final String REASONING = "asks for reasoning or multi-step work";

    private static Estimate ask(String question) {
        return PromptComplexity.estimate(ChatRequest.builder().message(ChatMessage.user(question)).build());
    }

    private static Estimate conversation(ChatMessage... messages) {
        return PromptComplexity.estimate(ChatRequest.builder().messages(List.of(messages)).build());
    }

    @Test
    void shortFactualQuestionIsSimple() {
        Estimate estimate = ask("What is the capital of France?");

        assertEquals(Level.SIMPLE, estimate.level());
        assertEquals(SIMPLE_BECAUSE, estimate.because());
    }

    @Test
    void questionLongerThan1500CharactersIsComplex() {
        Estimate estimate = ask("a".repeat(1501));

        assertEquals(new Estimate(Level.COMPLEX, "long question"), estimate);
    }

    @Test
    void questionOfExactly1500CharactersIsNotLong() {
        assertEquals(Level.SIMPLE, ask("a".repeat(1500)).level());
    }

    @Test
    void longQuestionWinsOverOtherFeatures() {
        assertEquals("long question", ask("```prove " + "b".repeat(1500)).because());
    }

    @Test
    void conversationLongerThan6000CharactersIsComplex() {
        Estimate estimate = conversation(
                ChatMessage.system("s".repeat(3000)),
                new ChatMessage(ChatMessage.ASSISTANT, "a".repeat(2990)),
                ChatMessage.user("What is 2+2? Thanks!")); // 20 chars -> 6010 in total

        assertEquals(new Estimate(Level.COMPLEX, "long conversation"), estimate);
    }

    @Test
    void conversationOfExactly6000CharactersIsNotLong() {
        Estimate estimate = conversation(
                ChatMessage.system("s".repeat(3000)),
                new ChatMessage(ChatMessage.ASSISTANT, "a".repeat(2980)),
                ChatMessage.user("What is 2+2? Thanks!"));

        assertEquals(Level.SIMPLE, estimate.level());
    }

    @Test
    void onlyTheLastUserMessageIsJudgedForCues() {
        Estimate estimate = conversation(
                ChatMessage.user("Please prove that there are infinitely many primes"),
                new ChatMessage(ChatMessage.ASSISTANT, "Done."),
                ChatMessage.user("Thanks, what time is it in Paris?"));

        assertEquals(Level.SIMPLE, estimate.level());
    }

    @Test
    void codeFencesAreComplex() {
        Estimate estimate = ask("What does this print?\n```\nprint(1)\n```");

        assertEquals(new Estimate(Level.COMPLEX, "contains code"), estimate);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Prove that sqrt 2 is irrational",
        "Give me a proof of Fermat's little theorem",
        "Derive the quadratic formula",
        "Explain it step by step",
        "Explain it step-by-step",
        "Analyze this poem",
        "Analyse this poem",
        "Refactor my class",
        "Implement a linked list",
        "Help me debug this",
        "Optimize the query",
        "Optimise the query",
        "compare and contrast cats and dogs",
        "What are the trade-offs?",
        "What is the tradeoff?",
        "Design a cache for me",
        "Design an API for me",
        "Write a program that sorts",
        "write an essay about rain",
        "Write a function that adds"
    })
    void reasoningCuesAreComplex(String question) {
        assertEquals(new Estimate(Level.COMPLEX, REASONING), ask(question));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PROVE it", "pRoOf please", "STEP BY STEP", "ReFaCtOr this"})
    void cuesAreCaseInsensitive(String question) {
        assertEquals(Level.COMPLEX, ask(question).level());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Can you approve my vacation?",
        "Any improvement ideas for lunch?",
        "Is the proofreader in today?",
        "What is a waterproof jacket?",
        "Who is the designer of this logo?",
        "Is the implementation date known?",
        "Does a debugger cost money?",
        "Write a poem about rain"
    })
    void wordsThatMerelyContainACueAreSimple(String question) {
        // \b on both sides of the alternation: only whole cue words count.
        assertEquals(new Estimate(Level.SIMPLE, SIMPLE_BECAUSE), ask(question));
    }

    @Test
    void cueFollowedByPunctuationStillCounts() {
        assertEquals(Level.COMPLEX, ask("Can you prove, formally, that it halts?").level());
        assertEquals(Level.COMPLEX, ask("(refactor)").level());
    }
}
