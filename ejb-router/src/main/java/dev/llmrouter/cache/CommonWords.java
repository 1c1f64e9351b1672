package dev.llmrouter.cache;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        try (InputStream in = CommonWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource dev/llmrouter/cache/" + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Set<String> words = new HashSet<>(1 << 17);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    words.add(line);
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
