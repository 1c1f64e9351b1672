package dev.llmrouter.cache;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One question taken apart once: words, numbers, entities, cues; shared by guards and verifier. */
final class QuestionText {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern OPERATOR = Pattern.compile("(?<=\\d)\\s*([-+*/x×÷^=<>])\\s*(?=\\d)");
    private static final Pattern QUOTED = Pattern.compile("[\"“`']([^\"”`']{2,60})[\"”`']");
    private static final Pattern IDENTIFIER = Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_]+(?:\\.[A-Za-z_][A-Za-z0-9_]+)+(?:\\(\\))?|[A-Za-z0-9]+_[A-Za-z0-9_]+|[A-Za-z_][A-Za-z0-9_]*\\(\\)");
    private static final Pattern SYMBOL_UNITS = Pattern.compile("[$€£¥₹%]");
    /** "Why or why not?", "... or not?", "If not, why?", "yes or no": asking both ways negates nothing. */
    private static final Pattern BOTH_WAYS = Pattern.compile(
            "(?i)\\bor\\s+(?:why\\s+)?not\\b|\\bif\\s+not\\s*[,?.!]|\\byes\\s+(?:and|or)\\s+no\\b");
    private static final Pattern GLUED_UNIT = Pattern.compile("\\d+(\\p{L}+)|(\\p{L}+)\\d+");
    /** "U.S.", "U.S", "U.K.", "U.S.A.": written as "US", "UK", "USA" before names are read. */
    private static final Pattern DOTTED_ACRONYM = Pattern.compile("\\b(?:[A-Z]\\.){1,3}[A-Z]\\b\\.?");
    /** "1,000", "12,345,678.5": the only way a comma may stand inside one number. */
    private static final Pattern GROUPED_THOUSANDS = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?");
    private static final int MIN_NAME_STEM = 4;
    /** "my girlfriend.What should I do?": a new sentence written onto the last word, no identifier. */
    private static final Pattern GLUED_SENTENCE = Pattern.compile(
            "(?<=\\p{Ll}{2})\\.(?=(?:What|How|Why|Which|Who|When|Where|Is|Are|Can|Do|Does|Should|Will|Would|I)\\b)");
    /**
     * "B.Tech", "b.tech", "M.Sc", "B. Com": a bachelor's or master's degree, read as one word ("BTech");
     * not after a capitalised word, where it is a middle initial ("Richard B. Spencer").
     */
    private static final Pattern DEGREE = Pattern.compile(
            "(?<!\\p{Lu}\\p{L}{0,30} )\\b([BbMm])\\. ?(?=\\p{L}\\p{Ll}+\\b)");
    /** "Iam", "Iwant", "Im": "I" run into the next word, no name. */
    private static final Pattern GLUED_I = Pattern.compile(
            "I(?:m|am|want|have|had|was|will|can|cant|dont|did|do|think|need|know|love|like|feel)");
    /** What stands between a title and the name it opens: "PM Modi", "Dr. Kalam". */
    private static final Set<String> TITLE_GAP = Set.of(" ", ". ");
    /** Lower-case words inside a name of several capitalised words ("Bank of India", "Game of Thrones"). */
    private static final Set<String> RUN_CONNECTORS = Set.of("of", "the", "and", "de", "for");
    /** A word's apostrophe and what follows it ("Government's"). */
    private static final Pattern APOSTROPHE_TAIL = Pattern.compile("'.*$");
    /** What ends a sentence, and the white space (a regular expression's {@code \s}) that may follow it. */
    private static final String SENTENCE_END = ".?!:;";
    private static final String SPACE = " \t\n\u000B\f\r";

    final String raw;
    final String lower;
    /** Lower-cased words, apostrophes dropped ("don't" -> "dont"), in order. */
    final List<String> words;
    final Set<String> wordSet;
    final Set<String> contentWords;
    /** Numbers (canonical decimal form) and arithmetic operators, sorted: order-free agreement. */
    final List<String> numbers;
    final Set<String> units;
    final Set<String> dates;
    final boolean negated;
    /** "pair:side" of every polar word present, mapped to the word itself. */
    final Map<String, String> polar;
    /** Lower-cased named entities, identifiers and quoted strings. */
    final Set<String> entities;
    /** A capitalised word right before another ("Donald" in "Donald Trump"), mapped to that next word. */
    final Map<String, String> givenNames = new HashMap<>();
    /** Entity words that come right after another entity word: surnames given with a first name. */
    final Set<String> fullSurnames = new HashSet<>();

    QuestionText(String text) {
        raw = text == null ? "" : text.replace('’', '\'');
        lower = raw.toLowerCase(Locale.ROOT);
        String joined = DEGREE.matcher(raw).replaceAll("$1");
        List<String> originals = originalWords(joined);
        words = new ArrayList<>(originals.size());
        for (String w : originals) {
            words.add(normalise(w));
        }
        wordSet = new LinkedHashSet<>(words);
        contentWords = new LinkedHashSet<>();
        for (String w : words) {
            if (!Lexicon.STOPWORDS.contains(w) && !Lexicon.NEGATIONS.contains(w)) {
                contentWords.add(stem(w));
            }
        }
        numbers = numbers(raw, words);
        units = units(raw, words);
        dates = dates(words);
        negated = negated(raw, words);
        polar = polar(words);
        entities = entities(joined, givenNames, fullSurnames);
    }

    /** Whether a negation word is used, not counting "... or not?" and its kin ({@link #BOTH_WAYS}). */
    private static boolean negated(String raw, List<String> words) {
        Matcher bothWays = BOTH_WAYS.matcher(raw);
        List<String> read = bothWays.find()
                ? originalWords(bothWays.replaceAll(" ")).stream().map(QuestionText::normalise).toList()
                : words;
        return read.stream().anyMatch(Lexicon.NEGATIONS::contains);
    }

    static String normalise(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace("'", "");
        return w.endsWith("s") && word.endsWith("'s") ? w.substring(0, w.length() - 1) : w;
    }

    /** A light plural/verb stem so "password" and "passwords" count as one content word. */
    static String stem(String w) {
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static List<String> originalWords(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static List<String> numbers(String text, List<String> words) {
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String written = m.group();
            if (written.indexOf(',') >= 0 && !GROUPED_THOUSANDS.matcher(written).matches()) {
                // "500,1000" and "10,20": a list, not one number.
                for (String item : written.split(",")) {
                    out.add(canonicalNumber(item));
                }
                continue;
            }
            String number = canonicalNumber(written);
            out.add(thousands(text, m.end()) ? timesThousand(number) : number);
        }
        for (String w : words) {
            String value = Lexicon.WRITTEN_NUMBERS.get(w);
            if (value != null) {
                out.add(value);
            }
        }
        Matcher op = OPERATOR.matcher(text);
        while (op.find()) {
            String symbol = op.group(1);
            out.add(symbol.equals("×") ? "op*" : symbol.equals("÷") ? "op/" : "op" + symbol);
        }
        Collections.sort(out);
        return out;
    }

    /** Whether the number ending at {@code end} is written in thousands: "100k", "25K" (not "4kg", "2km"). */
    private static boolean thousands(String text, int end) {
        return end < text.length() && (text.charAt(end) == 'k' || text.charAt(end) == 'K')
                && (end + 1 == text.length() || !Character.isLetter(text.charAt(end + 1)));
    }

    private static String timesThousand(String number) {
        try {
            return new BigDecimal(number).scaleByPowerOfTen(3).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return number + "k";
        }
    }

    /**
     * "1,000" and "1000" agree, as do "2.50" and "2.5". Only thousands groupings reach here with a comma
     * ({@link #GROUPED_THOUSANDS}); {@link #numbers} reads other commas as separating numbers.
     */
    static String canonicalNumber(String digits) {
        String plain = digits.replace(",", "");
        int dots = plain.length() - plain.replace(".", "").length();
        if (dots > 1) {
            return plain;
        }
        try {
            return new BigDecimal(plain).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return plain;
        }
    }

    private static Set<String> units(String text, List<String> words) {
        Set<String> out = new TreeSet<>();
        Matcher m = SYMBOL_UNITS.matcher(text);
        while (m.find()) {
            out.add(Lexicon.UNITS.get(m.group()));
        }
        for (String w : words) {
            String unit = Lexicon.UNITS.get(w);
            if (unit == null) {
                unit = gluedUnit(w);
            }
            if (unit != null) {
                out.add(unit);
            }
        }
        return out;
    }

    /**
     * A unit written onto its number: "500rs", "2.0GHz" (read as "2" and "0ghz"), "10kg", and currencies
     * before it ("rs500", "usd20"). Single letters ("4g", "f1", "m2") and "mp3" are names, not units.
     */
    private static String gluedUnit(String word) {
        Matcher glued = GLUED_UNIT.matcher(word);
        if (!glued.matches()) {
            return null;
        }
        if (glued.group(1) != null) {
            return glued.group(1).length() >= 2 ? Lexicon.UNITS.get(glued.group(1)) : null;
        }
        String unit = Lexicon.UNITS.get(glued.group(2));
        return unit != null && Lexicon.CURRENCIES.contains(unit) ? unit : null;
    }

    private static Set<String> dates(List<String> words) {
        Set<String> out = new TreeSet<>();
        for (String w : words) {
            // "weekends", "mondays", "todays" (without the apostrophe) are those days too.
            String day = Lexicon.DATE_WORDS.contains(w) ? w : stem(w);
            if (Lexicon.DATE_WORDS.contains(day)) {
                out.add(day);
            }
        }
        return out;
    }

    private static Map<String, String> polar(List<String> words) {
        Map<String, String> out = new TreeMap<>();
        for (String w : words) {
            for (int[] pairSide : Lexicon.POLAR.getOrDefault(w, List.of())) {
                out.putIfAbsent(pairSide[0] + ":" + pairSide[1], w);
            }
        }
        return out;
    }

    private static Set<String> entities(String original, Map<String, String> givenNames, Set<String> fullSurnames) {
        String text = DOTTED_ACRONYM.matcher(original).replaceAll(m -> m.group().replace(".", ""));
        text = GLUED_SENTENCE.matcher(text).replaceAll(". ");
        Set<String> out = new LinkedHashSet<>();
        Matcher quoted = QUOTED.matcher(text);
        while (quoted.find()) {
            String inner = quoted.group(1).trim().toLowerCase(Locale.ROOT);
            // An apostrophe pair can span ordinary words ("don't ... it's"); keep real quotations.
            if (!inner.isEmpty() && quoted.group().charAt(0) != '\'') {
                out.add(inner);
            }
        }
        Matcher id = IDENTIFIER.matcher(text);
        while (id.find()) {
            out.add(id.group().toLowerCase(Locale.ROOT));
        }
        Matcher word = WORD.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (word.find()) {
            spans.add(new int[] {word.start(), word.end()});
        }
        boolean titleCase = isTitleCase(text, spans);
        boolean[] sentenceStarts = new boolean[spans.size()];
        boolean[] midCapitals = new boolean[spans.size()];
        int firstNonBlank = text.length() - text.stripLeading().length();
        for (int i = 0; i < spans.size(); i++) {
            int start = spans.get(i)[0];
            sentenceStarts[i] = (start <= firstNonBlank || afterSentenceEnd(text, start))
                    && !afterTitle(text, spans, i);
            String w = text.substring(spans.get(i)[0], spans.get(i)[1]);
            midCapitals[i] = !sentenceStarts[i] && Character.isUpperCase(w.charAt(0)) && !w.equals("I");
        }
        String previous = null;
        int previousEnd = -1;
        boolean afterTitle = false;
        for (int i = 0; i < spans.size(); i++) {
            int[] span = spans.get(i);
            String w = text.substring(span[0], span[1]);
            boolean sentenceStart = sentenceStarts[i];
            boolean capitalised = Character.isUpperCase(w.charAt(0));
            boolean title = i + 1 < spans.size() && midCapitals[i + 1]
                    && Lexicon.TITLES.contains(w.toLowerCase(Locale.ROOT))
                    && TITLE_GAP.contains(text.substring(span[1], spans.get(i + 1)[0]));
            if (title) {
                previous = null;
                previousEnd = span[1];
                afterTitle = true;
                continue;
            }
            if (isEntity(w, sentenceStart, titleCase) && !(emphasis(w) && !inCapitalRun(text, spans, midCapitals, i))) {
                String entity = normalise(w);
                out.add(entity);
                // "President Obama" is one Obama, not any: the surname is given in full, as by a first name.
                if (afterTitle) {
                    fullSurnames.add(entity);
                }
                if (previous != null && previousEnd == span[0] - 1 && text.charAt(previousEnd) == ' ') {
                    if (!Lexicon.NAME_QUALIFIERS.contains(previous)) {
                        givenNames.put(previous, entity);
                    }
                    fullSurnames.add(entity);
                }
            }
            afterTitle = false;
            // A first name may open the question ("Donald Trump said ..."): capitals there count for this.
            previous = capitalised && !titleCase ? normalise(w) : null;
            previousEnd = span[1];
        }
        return out;
    }

    /**
     * Whether a {@link #SENTENCE_END} mark and nothing but white space stand right before {@code start}
     * (a final line terminator such as U+2028 may also end what comes before, as {@code $} allows). It
     * looks back over the gap only, not over the whole text before each word, which long prompts make costly.
     */
    private static boolean afterSentenceEnd(String text, int start) {
        int k = start;
        if (k > 0 && "\u0085\u2028\u2029".indexOf(text.charAt(k - 1)) >= 0) {
            k--;
        }
        while (k > 0 && SPACE.indexOf(text.charAt(k - 1)) >= 0) {
            k--;
        }
        return k > 0 && SENTENCE_END.indexOf(text.charAt(k - 1)) >= 0;
    }

    /** Whether the word at {@code i} follows a title ("Dr. Kalam"): its full stop ends no sentence. */
    private static boolean afterTitle(String text, List<int[]> spans, int i) {
        if (i == 0 || !TITLE_GAP.contains(text.substring(spans.get(i - 1)[1], spans.get(i)[0]))) {
            return false;
        }
        String previous = text.substring(spans.get(i - 1)[0], spans.get(i - 1)[1]);
        return Lexicon.TITLES.contains(previous.toLowerCase(Locale.ROOT));
    }

    /**
     * A capitalised common word that no dictionary lists as a name ("Agency", "Government",
     * "Suggest"): a name only where it belongs to a run of capitalised words ("Reserve Bank of
     * India", "Game of Thrones"), emphasis where it stands alone.
     */
    private static boolean emphasis(String w) {
        String letters = APOSTROPHE_TAIL.matcher(w).replaceAll("");
        String rest = letters.length() > 1 ? letters.substring(1) : "";
        boolean capitalised = !rest.isEmpty() && Character.isUpperCase(letters.charAt(0))
                && rest.equals(rest.toLowerCase(Locale.ROOT));
        // Shouting ("the GRAND purpose") likewise, in words too long for most acronyms ("GATE", "CAT" stay names).
        boolean shouted = letters.length() >= 5 && letters.equals(letters.toUpperCase(Locale.ROOT));
        return (capitalised || shouted) && CommonWords.contains(letters.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether the word at {@code i} has a capitalised neighbour mid-sentence, directly or across one
     * {@link #RUN_CONNECTORS} word.
     */
    private static boolean inCapitalRun(String text, List<int[]> spans, boolean[] midCapitals, int i) {
        for (int step = -1; step <= 1; step += 2) {
            int next = i + step;
            if (next < 0 || next >= spans.size()) {
                continue;
            }
            if (midCapitals[next]) {
                return true;
            }
            String between = text.substring(spans.get(next)[0], spans.get(next)[1]);
            int beyond = next + step;
            if (RUN_CONNECTORS.contains(between) && beyond >= 0 && beyond < spans.size() && midCapitals[beyond]) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEntity(String w, boolean sentenceStart, boolean titleCase) {
        if (w.equals("I") || w.startsWith("I'") || !Character.isLetter(w.charAt(0))) {
            return false;
        }
        String letters = APOSTROPHE_TAIL.matcher(w).replaceAll("");
        String lowerLetters = letters.toLowerCase(Locale.ROOT);
        boolean acronym = letters.length() >= 2 && letters.equals(letters.toUpperCase(Locale.ROOT))
                && letters.chars().anyMatch(Character::isLetter);
        // "And", "In" or "YOU" mid-sentence are emphasis or a new clause, no names; two-letter
        // capitals stay acronyms ("US", "IT").
        if (Lexicon.STOPWORDS.contains(lowerLetters) && !(acronym && letters.length() == 2)) {
            return false;
        }
        // "Vs", "Over": words that join the things compared; "Iam", "Iwant": a pronoun run into a verb.
        if (Lexicon.DIRECTIONAL.contains(lowerLetters) || GLUED_I.matcher(letters).matches()) {
            return false;
        }
        // "Three", "Five": written numbers, which the number guard reads.
        if (Lexicon.WRITTEN_NUMBERS.containsKey(lowerLetters)) {
            return false;
        }
        // "INR", "Rs", "GB": units, which their own guard compares in every spelling.
        if (Lexicon.UNITS.containsKey(lowerLetters)) {
            return false;
        }
        boolean innerCapital = letters.length() > 2
                && !letters.substring(1).equals(letters.substring(1).toLowerCase(Locale.ROOT))
                && !letters.substring(1).equals(letters.substring(1).toUpperCase(Locale.ROOT));
        boolean capitalised = Character.isUpperCase(letters.charAt(0));
        return acronym || innerCapital || (capitalised && !sentenceStart && !titleCase);
    }

    /** In Title Case Text capitals carry no signal, so only acronyms and mixed case count there. */
    private static boolean isTitleCase(String text, List<int[]> spans) {
        int alphabetic = 0;
        int capitalised = 0;
        for (int i = 1; i < spans.size(); i++) {
            String w = text.substring(spans.get(i)[0], spans.get(i)[1]);
            if (Character.isLetter(w.charAt(0)) && w.length() > 3) {
                alphabetic++;
                if (Character.isUpperCase(w.charAt(0))) {
                    capitalised++;
                }
            }
        }
        return alphabetic >= 3 && capitalised * 2 > alphabetic;
    }

    /**
     * Whether a person this question names by surname alone is the one the other names in full: "Trump"
     * here for "Donald Trump" there, but not where this question says "Ivanka Trump".
     */
    boolean callsBySurname(String surname) {
        return surname != null && wordSet.contains(surname) && !fullSurnames.contains(surname);
    }

    /** Whether an entity of the other question appears here, in any casing. */
    boolean mentions(String entity) {
        if (entity.indexOf(' ') >= 0 || entity.indexOf('.') >= 0 || entity.indexOf('_') >= 0
                || entity.indexOf('(') >= 0) {
            return lower.contains(entity);
        }
        if (wordSet.contains(entity) || entities.contains(entity) || wordSet.contains(entity + "s")
                || entity.endsWith("s") && wordSet.contains(entity.substring(0, entity.length() - 1))) {
            return true;
        }
        for (String alias : Lexicon.ALIASES.getOrDefault(entity, List.of())) {
            // Written in lower case it counts too ("television"), unless it is also a common word ("us").
            if (entities.contains(alias) || wordSet.contains(alias) && !Lexicon.STOPWORDS.contains(alias)) {
                return true;
            }
        }
        for (String w : wordSet) {
            if (sameName(entity, w)) {
                return true;
            }
        }
        // A misspelt name is still written as a name: "pairs" never stands for "Paris".
        for (String name : entities) {
            if (misspelt(entity, name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether one name is the other with one letter left out or added, or two neighbours swapped:
     * "Shastri" and "Shatri", "Quora" and "Qoura", "Aamir" and "Amir". A changed letter ("Maria",
     * "Mario"), a different first letter or the last two swapped ("Christian", "Christina") make two names.
     */
    static boolean misspelt(String a, String b) {
        String longer = a.length() >= b.length() ? a : b;
        String shorter = longer == a ? b : a;
        if (shorter.length() < MIN_NAME_STEM || longer.length() < MIN_NAME_STEM + 1 || longer.equals(shorter)
                || longer.charAt(0) != shorter.charAt(0)) {
            return false;
        }
        if (longer.length() == shorter.length() + 1) {
            for (int i = 1; i < longer.length(); i++) {
                if ((longer.substring(0, i) + longer.substring(i + 1)).equals(shorter)) {
                    return true;
                }
            }
            return false;
        }
        if (longer.length() != shorter.length()) {
            return false;
        }
        for (int i = 1; i + 1 < longer.length() - 1; i++) {
            if (longer.charAt(i) != shorter.charAt(i)) {
                return longer.charAt(i) == shorter.charAt(i + 1) && longer.charAt(i + 1) == shorter.charAt(i)
                        && longer.substring(i + 2).equals(shorter.substring(i + 2));
            }
        }
        return false;
    }

    /**
     * Whether two words are forms of one name: "India" and "Indian", "China" and "Chinese", "Google"
     * and "Googling", "Quora" and "Quorans". They share a stem of at least four letters and each
     * continues it with nothing or a derivational ending, so "Austria" and "Australia" ("ia" against
     * "alia") or "Iran" and "Iraq" stay apart.
     */
    static boolean sameName(String a, String b) {
        int common = 0;
        int shorter = Math.min(a.length(), b.length());
        while (common < shorter && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        String endA = a.substring(common);
        String endB = b.substring(common);
        // Two different final vowels make two names: "Maria" and "Marie", "Julia" and "Julie".
        if (endA.length() == 1 && endB.length() == 1 && "aei".indexOf(endA.charAt(0)) >= 0
                && "aei".indexOf(endB.charAt(0)) >= 0) {
            return false;
        }
        return common >= MIN_NAME_STEM && Lexicon.NAME_ENDINGS.contains(endA) && Lexicon.NAME_ENDINGS.contains(endB);
    }
}
