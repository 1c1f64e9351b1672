package dev.llmrouter.cache;

import java.util.HashSet;
import java.util.Set;

/**
 * English words written in lower case that a dictionary does not also list as a name: "agency",
 * "government", "suggest", but not "apple" (Apple), "amazon" (Amazon) or "turkey" (Turkey). A
 * question that capitalises one of them on its own ("the best web design Agency in London") gives
 * it emphasis, not a name. The list ({@value #RESOURCE}) is written by {@code scripts/common-words}
 * from SCOWL as Debian's wamerican package ships it.
 */
final class CommonWords {

    static final String RESOURCE = "common-words.txt";

    private static final Set<String> WORDS = load();

    private CommonWords() {
    }

    /** Whether a lower-case word is a common word and never a name. */
    static boolean contains(String lowerCaseWord) {
        return WORDS.contains(lowerCaseWord);
    }

    private static Set<String> load() {
        return new HashSet<>(ShippedParameters.lines(RESOURCE));
    }
}
