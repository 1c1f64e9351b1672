package dev.llmrouter.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordRarityTest {

    private static final WordRarity RARITY = WordRarity.count(List.of(
            new QuestionText("What is the best hotel in Delhi?"),
            new QuestionText("What is the best hotel in Mumbai?"),
            new QuestionText("Which hotel is good for families?"),
            new QuestionText("What is a good hotel near the airport?"),
            new QuestionText("Best hotel for a weekend?")), 2);

    @Test
    void aWordInFewerQuestionsIsRarerAndOneSeenOnceCountsAsUnseen() {
        assertTrue(RARITY.of("good") > RARITY.of("hotel"), "good is in 2 questions, hotel in 5");
        assertEquals(Math.log(6.0 / 6.0) + 1, RARITY.of("hotel"), 1e-9);
        assertEquals(RARITY.unseen(), RARITY.of("delhi"), 1e-9);
        assertEquals(RARITY.unseen(), RARITY.of("kathmandu"), 1e-9);
        assertEquals(Math.log(6.0 / 2.0) + 1, RARITY.unseen(), 1e-9);
    }

    @Test
    void differingInARareWordWeighsMoreThanDifferingInACommonOne() {
        QuestionText delhi = new QuestionText("best hotel delhi");
        QuestionText mumbai = new QuestionText("best hotel mumbai");
        QuestionText good = new QuestionText("good hotel delhi");
        assertTrue(RARITY.overlap(delhi.contentWords, good.contentWords)
                > RARITY.overlap(delhi.contentWords, mumbai.contentWords));
        assertEquals(RARITY.unseen(), RARITY.rarestUnshared(delhi.contentWords, mumbai.contentWords), 1e-9);
        assertTrue(RARITY.rarestShared(delhi.contentWords, mumbai.contentWords) >= RARITY.of("hotel"));
        assertEquals(0.0, RARITY.rarestShared(delhi.contentWords, new QuestionText("cheap flights").contentWords));
        assertEquals(0.0, RARITY.rarestUnshared(delhi.contentWords, delhi.contentWords));
        assertEquals(1.0, RARITY.overlap(delhi.contentWords, delhi.contentWords), 1e-9);
    }

    @Test
    void theShippedTableLoadsAndKnowsCommonWordsFromRareOnes() {
        WordRarity shipped = WordRarity.shipped();
        assertTrue(shipped.table().size() > 1000, "words: " + shipped.table().size());
        assertTrue(shipped.of(new QuestionText("learn").contentWords.iterator().next())
                < shipped.of("zzyzxq"), "a common word is less rare than an unseen one");
    }
}
