package dev.llmrouter.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuestionGuardsTest {

    private final QuestionGuards guards = new QuestionGuards();

    private void refused(String a, String b, String reasonPart) {
        Optional<String> reason = guards.refusal(a, b);
        assertTrue(reason.isPresent(), a + " | " + b + " should be refused");
        assertTrue(reason.get().contains(reasonPart), reason.get());
        assertTrue(guards.refusal(b, a).isPresent(), "refusal must be symmetric: " + b + " | " + a);
    }

    private void allowed(String a, String b) {
        assertEquals(Optional.empty(), guards.refusal(a, b), a + " | " + b);
    }

    @Test
    void arithmeticAndNumbersMustAgree() {
        refused("What is 2+2?", "What is 2+3?", "numbers");
        refused("What is 2+2?", "What is 2*2?", "numbers");
        refused("Is 3.5 bigger than 3.25?", "Is 3.5 bigger than 3.2?", "numbers");
        refused("How to lose weight in 2 weeks?", "How to lose weight in three weeks?", "numbers");
        allowed("What is 2+2?", "what's 2 + 2");
        allowed("Is 1,000 a lot?", "Is 1000 a lot?");
        allowed("Can I buy 3 apples?", "Can I buy three apples?");
    }

    @Test
    void aCommaBetweenNumbersListsThem() {
        allowed("Why were the 500 and 1000 notes banned?", "Why were the 500,1000 notes banned?");
        allowed("How are 10, 20 and 50 notes printed?", "How are 10,20 and 50 notes printed?");
        allowed("Is 12,345,678 a big number?", "Is 12345678 a big number?");
        refused("Why were the 500,1000 notes banned?", "Why were the 500.1 notes banned?", "numbers");
    }

    @Test
    void daysInThePluralAreTheSameDays() {
        allowed("Where can I teach kids on weekends?", "Where can I teach kids on a weekend?");
        allowed("What are todays best deals?", "What are today's best deals?");
        refused("Where can I teach kids on weekends?", "Where can I teach kids on Mondays?", "dates");
    }

    @Test
    void datesAndUnitsMustAgree() {
        refused("Who won the World Cup in 2014?", "Who won the World Cup in 2018?", "numbers");
        refused("What happened on Monday?", "What happened on Friday?", "dates");
        refused("How far is 10 km?", "How far is 10 miles?", "units");
        refused("Convert 5 dollars to rupees", "Convert 5 euros to rupees", "units");
    }

    @Test
    void unitsWrittenOntoTheirNumbers() {
        allowed("Which are the best earphones under 500rs?", "Which are the best earphones under 500 rupees?");
        allowed("Which are the best earphones under rs500?", "Which are the best earphones under Rs 500?");
        allowed("Is a 2.0GHz processor fast?", "Is a 2 GHz processor fast?");
        refused("Which are the best earphones under 500rs?", "Which are the best earphones under $500?", "units");
        refused("Is a 500GB disk enough?", "Is a 500MB disk enough?", "units");
        allowed("How do I calculate percentages quickly?", "How do I calculate a percentage quickly?");
    }

    @Test
    void thousandsWrittenWithK() {
        allowed("How can I make $100k in a year?", "How can I make $100,000 in a year?");
        refused("How can I make $100k in a year?", "How can I make $100 in a year?", "numbers");
        refused("Is 4kg too heavy?", "Is 4000 too heavy?", "numbers");
    }

    @Test
    void negationMustAgree() {
        refused("cancel my order", "don't cancel my order", "negation");
        refused("Why is my phone charging?", "Why is my phone not charging?", "negation");
        refused("Can I travel with a visa?", "Can I travel without a visa?", "negation");
    }

    @Test
    void askingBothWaysNegatesNothing() {
        allowed("Is olive oil good for the skin?", "Is olive oil good for the skin? Why or why not?");
        allowed("How do I know if a girl likes me?", "How do I know if a girl likes me or not?");
        allowed("Is nuclear energy renewable?", "Is nuclear energy renewable? If not, why?");
        refused("Is nuclear energy renewable?", "Why is nuclear energy not renewable?", "negation");
        refused("Should I learn Java?", "Why not learn Java?", "negation");
        refused("What happens if I pay the fine?", "What happens if not paying the fine?", "negation");
    }

    @Test
    void oppositeWordsAreRefused() {
        refused("How do I enable dark mode", "How do I disable dark mode", "enable vs disable");
        refused("How to turn on wifi", "How to turn off wifi", "opposite");
        refused("Should I buy bitcoin now?", "Should I sell bitcoin now?", "opposite");
        refused("How do I increase my credit score?", "How do I decrease my credit score?", "opposite");
        refused("Stop the server", "Start the server", "opposite");
        refused("Eat before running?", "Eat after running?", "opposite");
        allowed("Should I buy or sell bitcoin?", "Should I sell or buy bitcoin?");
    }

    @Test
    void namedEntitiesMustBeShared() {
        refused("What is the capital of France?", "What is the capital of Germany?", "entity");
        refused("How do I learn Java?", "How do I learn Python?", "entity");
        refused("Is AWS cheaper than this?", "Is GCP cheaper than this?", "entity");
        refused("What does \"foo bar\" mean?", "What does \"baz qux\" mean?", "entity");
        refused("How do I call os.path.join?", "How do I call os.path.split?", "entity");
        allowed("How do I learn Java?", "what is the best way to learn java");
        allowed("What Is The Best Way To Learn Java?", "How can I learn Java?");
    }

    @Test
    void formsOfOneNameAreShared() {
        allowed("Is living in India expensive?", "Is living as an Indian expensive?");
        allowed("Why do people ask things Google answers?", "Why do people ask things answered by googling?");
        allowed("What do people in China eat?", "What do Chinese people eat?");
        allowed("What do Quorans think of Python?", "What does Quora think of Python?");
        refused("Is Austria safe?", "Is Australia safe?", "entity");
        refused("Why did the US attack Iran?", "Why did the US attack Iraq?", "entity");
        refused("Is JavaScript hard?", "Is Java hard?", "entity");
        refused("What did Maria say to the press?", "What did Marie say to the press?", "entity");
    }

    @Test
    void aNameMisspeltByOneLetter() {
        allowed("Who killed Lal Bahadur Shastri?", "Who killed Lal Bahadur Shatri?");
        allowed("When is the best time to visit Kolkata?", "When is the best time to visit Kolkatta?");
        allowed("Why do people use Facebook so much?", "Why do people use Facebok so much?");
        refused("What did Maria say to the press?", "What did Mario say to the press?", "entity");
        refused("Is Christian a nice name?", "Is Christina a nice name?", "entity");
        refused("Is Kerala worth a visit?", "Is Karnataka worth a visit?", "entity");
        refused("What can I do in Paris with friends?", "What can I do in pairs with friends?", "entity");
    }

    @Test
    void oneCountryByAnyOfItsNames() {
        allowed("Why did the US invade Iraq?", "Why did the USA invade Iraq?");
        allowed("Is the UK leaving the EU?", "Is Britain leaving the EU?");
        refused("Why did the US invade Iraq?", "Why did the UK invade Iraq?", "entity");
        allowed("What will happen to America if Clinton wins?", "What will happen to the U.S. if Clinton wins?");
        allowed("Why did the U.S invade Iraq?", "Why did the US invade Iraq?");
        // The pronoun is no country.
        refused("Why did the USA invade Iraq?", "Why did they tell us to invade Iraq?", "entity");
    }

    @Test
    void aPersonByFullNameOrSurname() {
        allowed("What are the reasons to vote for Donald Trump?", "What are the reasons to vote for Trump?");
        refused("What did Hillary Clinton promise to the voters?", "What did Bill Clinton promise to the voters?", "entity");
        refused("What did Donald Trump say?", "What did Ivanka Trump say?", "entity");
        // Place names keep their first word.
        refused("Is New York expensive?", "Is York expensive?", "entity");
        refused("Is it safe to travel to South Korea this year?", "Is it safe to travel to Korea this year?", "entity");
    }

    @Test
    void capitalisedCommonWordsAreNoEntities() {
        allowed("What is the most beautiful word of all?", "What is the most beautiful word AND why?");
        allowed("What would one do with a million dollars?", "What would YOU do with a million dollars?");
        allowed("What is the best movie of all time?", "What is the best movie of all time (In your opinion)?");
        refused("Is IT a good career?", "Is law a good career?", "entity");
    }

    @Test
    void aCommonWordCapitalisedAloneIsEmphasis() {
        allowed("What are the best web design firms in London?", "Which is the best web designing Agency in London?");
        allowed("What do you think of the move to ban old notes?",
                "What do you think of the Government's move to ban old notes?");
        allowed("Can you suggest a good thriller book?", "Can you Suggest me a good thriller book?");
        // A word the dictionary also lists as a name stays one: Apple, Amazon, Turkey.
        refused("Is it a good company to work for?", "Is Apple a good company to work for?", "entity");
        refused("Where do most tourists come from?", "Where do most tourists in Turkey come from?", "entity");
        // Common words in a run of capitals are a name: "Reserve Bank of India", "Breaking Bad".
        refused("What does the Reserve Bank of India do about black money?", "What does India do about black money?",
                "entity");
        refused("Who wrote the best episode?", "Who wrote the best episode of Breaking Bad?", "entity");
    }

    @Test
    void aTitleBeforeANameIsNoName() {
        allowed("Is PM Modi selling India to foreign companies?", "Is Modi selling India to foreign companies?");
        allowed("Are Muslims against PM Narendra Modi?", "Are Muslims against Narendra Modi?");
        allowed("Who was Dr. Kalam?", "Who was Kalam?");
        // Without a name after it the title is a word of the question like any other.
        refused("How will the PM of India bring back black money?", "How will India bring back black money?", "entity");
        // A titled surname is one person, as a full name is: not whoever else bears it.
        refused("Is President Obama a good speaker?", "Is Michelle Obama a good speaker?", "entity");
    }

    @Test
    void aSentenceWrittenOntoTheLastWordIsNoIdentifier() {
        allowed("I lied to my girlfriend.What should I do?", "I lied to my girlfriend, what should I do?");
        allowed("Is World War Three coming?", "Is World War 3 coming?");
        refused("How do I use os.Walk in Go?", "How do I use filepath in Go?", "entity");
    }

    @Test
    void runTogetherAndShoutedWordsAreNoNames() {
        allowed("What is the purpose of life?", "What is the GRAND purpose of life?");
        allowed("Is IELTS or PTE easier to prepare for?", "PTE Vs IELTS - Which is easier to prepare for?");
        allowed("How can I make money at 14?", "How can I make money while Iam 14?");
        allowed("Is it a good decision to choose group 2 after b.tech?",
                "Is it a good decision to choose group 2 after B.Tech?");
        allowed("What is it like to be a television news anchor?", "What is it like to be a TV news anchor?");
        // Short capitals stay acronyms, and a pronoun never stands for a country.
        refused("How do I prepare for the exam?", "How do I prepare for the GATE exam?", "entity");
        refused("What do you think of us?", "What do you think of the USA?", "entity");
        refused("Is a B.Tech enough for a research job?", "Is an M.Tech enough for a research job?", "entity");
        allowed("Will Trump disavow Richard B. Spencer?", "Will Trump disavow Richard Spencer?");
    }

    @Test
    void paraphrasesPass() {
        allowed("How do I reset my password?", "How can I reset my password?");
        allowed("Hugging Face Hub is a platform to host Git-based models.",
                "Hugging Face Hub serves as a repository for Git-based models.");
    }
}
