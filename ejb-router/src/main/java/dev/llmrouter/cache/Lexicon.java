package dev.llmrouter.cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * General English word knowledge the guards and the verifier need: negation cues, opposite
 * pairs, written numbers, units, date words and function words. Hand-written from the language,
 * not derived from any evaluation data.
 */
final class Lexicon {

    static final Set<String> NEGATIONS = Set.of("not", "no", "never", "none", "nobody", "nothing",
            "nowhere", "neither", "nor", "without", "cannot", "dont", "doesnt", "didnt", "cant",
            "wont", "isnt", "arent", "wasnt", "werent", "shouldnt", "wouldnt", "couldnt", "havent",
            "hasnt", "hadnt", "mustnt", "neednt", "aint");

    /** Each row is one pair of opposites; the first word is side 0, the second side 1. */
    private static final String[][] OPPOSITES = {
        {"enable", "disable"}, {"on", "off"}, {"open", "close"}, {"increase", "decrease"},
        {"start", "stop"}, {"add", "remove"}, {"buy", "sell"}, {"before", "after"},
        {"min", "max"}, {"minimum", "maximum"}, {"minimize", "maximize"}, {"win", "lose"},
        {"gain", "lose"}, {"up", "down"}, {"upload", "download"}, {"import", "export"},
        {"install", "uninstall"}, {"encrypt", "decrypt"}, {"lock", "unlock"},
        {"connect", "disconnect"}, {"allow", "deny"}, {"allow", "block"}, {"accept", "reject"},
        {"include", "exclude"}, {"push", "pull"}, {"login", "logout"}, {"true", "false"},
        {"high", "low"}, {"higher", "lower"}, {"highest", "lowest"}, {"more", "less"},
        {"more", "fewer"}, {"most", "least"}, {"best", "worst"}, {"better", "worse"},
        {"first", "last"}, {"advantage", "disadvantage"}, {"pro", "con"}, {"positive", "negative"},
        {"male", "female"}, {"man", "woman"}, {"men", "women"}, {"boy", "girl"}, {"rich", "poor"},
        {"hot", "cold"}, {"big", "small"}, {"large", "small"}, {"fast", "slow"},
        {"cheap", "expensive"}, {"young", "old"}, {"new", "old"}, {"east", "west"},
        {"north", "south"}, {"love", "hate"}, {"like", "dislike"}, {"legal", "illegal"},
        {"possible", "impossible"}, {"happy", "sad"}, {"good", "bad"}, {"above", "below"},
        {"inside", "outside"}, {"input", "output"}, {"send", "receive"},
        {"lend", "borrow"}, {"borrow", "repay"}, {"join", "leave"},
        {"create", "delete"}, {"show", "hide"}, {"mount", "unmount"}, {"subscribe", "unsubscribe"},
        {"follow", "unfollow"}, {"block", "unblock"}, {"ban", "unban"}, {"success", "failure"},
        {"pass", "fail"}, {"internal", "external"}, {"public", "private"}, {"long", "short"},
        {"early", "late"}, {"strong", "weak"}, {"safe", "dangerous"}, {"easy", "hard"},
        {"easy", "difficult"}, {"light", "dark"}, {"white", "black"}, {"asleep", "awake"},
        {"ascending", "descending"}, {"upper", "lower"}, {"forward", "backward"},
        {"encode", "decode"}, {"compress", "decompress"}, {"attach", "detach"},
        {"approve", "reject"}, {"hire", "fire"}, {"arrive", "depart"}, {"entry", "exit"},
        {"past", "future"}, {"sync", "async"}, {"synchronous", "asynchronous"},
    };

    /** word form -> list of {pair index, side}. */
    static final Map<String, List<int[]>> POLAR = polarForms();

    /** "one" is left out on purpose: it is mostly a pronoun ("which one is better"). */
    static final Map<String, String> WRITTEN_NUMBERS = Map.ofEntries(
            Map.entry("zero", "0"), Map.entry("two", "2"), Map.entry("three", "3"),
            Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"),
            Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"),
            Map.entry("ten", "10"), Map.entry("eleven", "11"), Map.entry("twelve", "12"),
            Map.entry("thirteen", "13"), Map.entry("fourteen", "14"), Map.entry("fifteen", "15"),
            Map.entry("sixteen", "16"), Map.entry("seventeen", "17"), Map.entry("eighteen", "18"),
            Map.entry("nineteen", "19"), Map.entry("twenty", "20"), Map.entry("thirty", "30"),
            Map.entry("forty", "40"), Map.entry("fifty", "50"), Map.entry("sixty", "60"),
            Map.entry("seventy", "70"), Map.entry("eighty", "80"), Map.entry("ninety", "90"),
            Map.entry("hundred", "100"), Map.entry("thousand", "1000"), Map.entry("million", "1000000"),
            Map.entry("billion", "1000000000"), Map.entry("twice", "2"), Map.entry("half", "0.5"),
            Map.entry("dozen", "12"));

    static final Map<String, String> UNITS = units();

    static final Set<String> DATE_WORDS = Set.of("january", "february", "march", "april", "june",
            "july", "august", "september", "october", "november", "december", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow",
            "yesterday", "tonight", "weekend", "spring", "summer", "autumn", "winter");

    static final Set<String> QUESTION_WORDS = Set.of("what", "how", "why", "who", "whom", "whose",
            "when", "where", "which", "is", "are", "can", "could", "should", "would", "will", "do",
            "does", "did", "was", "were", "has", "have", "may", "might", "shall");

    /** Opening words that set a question's kind; position in the list is the kind's code. */
    static final List<String> OPENING_WORDS = List.of("what", "how", "why", "which", "who", "when", "where",
            "is", "are", "can", "do", "does", "should", "will", "would");

    /**
     * Words that shape the answer rather than the topic: "the best way", "some tips", "the most ...".
     * A question that asks for a ranking or a list differs from one that asks how, even on one topic.
     */
    static final Set<String> ANSWER_SHAPE = Set.of("best", "top", "good", "greatest", "most", "worst", "better",
            "easiest", "fastest", "cheapest", "ways", "way", "tips", "some");

    /**
     * One-word names of one thing, each mapped to the others. An alias counts where the other question
     * names it as an entity or writes it in lower case, unless it is a stopword: the pronoun "us" never
     * stands for "US", while "television" stands for "TV".
     */
    static final Map<String, List<String>> ALIASES = aliases(
            List.of("us", "usa", "america"),
            List.of("uk", "britain"),
            List.of("tv", "television"));

    /** Words that open a place's name, never a first name: "New York" is not "York", nor "South Korea" "Korea". */
    static final Set<String> NAME_QUALIFIERS = Set.of("new", "old", "north", "south", "east", "west", "northern",
            "southern", "eastern", "western", "central", "upper", "lower", "great", "greater", "san", "santa",
            "saint", "st", "los", "las", "el", "la", "le", "united", "saudi", "sri", "hong", "costa", "puerto");

    /**
     * Titles written before a person's name: "PM Modi" names the same person as "Modi", so a title right
     * before a name is neither a name nor a first name. The titled surname is one person, as a full name
     * is: "President Obama" is not "Michelle Obama".
     */
    static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame",
            "lord", "lady", "pm", "cm", "president", "director", "ceo", "chairman", "minister", "senator",
            "governor", "mayor", "judge", "justice", "king", "queen", "prince", "princess", "pope", "captain",
            "colonel", "secretary", "ambassador", "chancellor", "premier", "chief", "pastor", "rev", "sheikh");

    /** The currency units, which may also be written before the amount ("rs500", "usd20"). */
    static final Set<String> CURRENCIES = Set.of("usd", "eur", "gbp", "jpy", "inr", "btc");

    /**
     * What may follow a name's stem in another form of it: plurals, demonyms ("Indian", "Chinese",
     * "Iraqi", "Canadian"), verb forms ("googling", "googled") and "-able"; no ending at all counts.
     */
    static final Set<String> NAME_ENDINGS = Set.of("", "s", "a", "e", "i", "is", "n", "ns", "an", "ans",
            "ian", "ians", "ese", "d", "ed", "ing", "able", "eable");

    static final Set<String> STOPWORDS = Set.of("a", "an", "the", "and", "or", "but", "if", "of",
            "at", "by", "for", "with", "about", "to", "from", "in", "into", "on", "onto", "as", "is",
            "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doing", "have",
            "has", "had", "having", "i", "me", "my", "mine", "we", "us", "our", "you", "your", "he",
            "him", "his", "she", "her", "it", "its", "they", "them", "their", "this", "that",
            "these", "those", "what", "which", "who", "whom", "whose", "when", "where", "why",
            "how", "can", "could", "should", "would", "will", "shall", "may", "might", "must",
            "there", "here", "so", "than", "then", "too", "very", "just", "any", "some", "all",
            "each", "every", "such", "own", "same", "other", "also", "really", "get", "getting",
            "got", "one", "ones", "way", "ways", "thing", "things", "s", "t", "im", "ive", "id",
            "youre", "whats", "hows", "whys", "quora", "someone", "somebody", "anyone", "please");

    /**
     * Relation words whose two sides are not interchangeable: "dollars to rupees" is not
     * "rupees to dollars", "Apple better than Samsung" is not "Samsung better than Apple".
     */
    static final Set<String> DIRECTIONAL = Set.of("to", "from", "than", "into", "vs", "versus", "over",
            "against", "before", "after", "instead", "rather", "like");

    private Lexicon() {
    }

    private static Map<String, List<int[]>> polarForms() {
        Map<String, List<int[]>> forms = new HashMap<>();
        for (int pair = 0; pair < OPPOSITES.length; pair++) {
            for (int side = 0; side < 2; side++) {
                for (String form : inflections(OPPOSITES[pair][side])) {
                    forms.computeIfAbsent(form, k -> new ArrayList<>()).add(new int[] {pair, side});
                }
            }
        }
        return forms;
    }

    /** Regular English inflections, enough to catch "enabled", "stopping", "sells". */
    static List<String> inflections(String base) {
        List<String> forms = new ArrayList<>(List.of(base, base + "s", base + "es", base + "ed",
                base + "ing", base + "d"));
        if (base.endsWith("e")) {
            String stem = base.substring(0, base.length() - 1);
            forms.add(stem + "ing");
        }
        char last = base.charAt(base.length() - 1);
        if (base.length() <= 4 && "bdgmnpt".indexOf(last) >= 0) {
            forms.add(base + last + "ed");
            forms.add(base + last + "ing");
        }
        if (base.endsWith("y")) {
            forms.add(base.substring(0, base.length() - 1) + "ies");
        }
        return forms;
    }

    private static Map<String, String> units() {
        Map<String, String> units = new HashMap<>();
        unit(units, "usd", "$", "usd", "dollar", "dollars", "bucks");
        unit(units, "eur", "€", "eur", "euro", "euros");
        unit(units, "gbp", "£", "gbp", "sterling");
        unit(units, "jpy", "¥", "jpy", "yen");
        unit(units, "inr", "₹", "inr", "rupee", "rupees", "rs");
        unit(units, "btc", "btc", "bitcoin", "bitcoins");
        unit(units, "percent", "%", "percent", "percentage", "percentages");
        unit(units, "km", "km", "kilometer", "kilometers", "kilometre", "kilometres");
        unit(units, "m", "meter", "meters", "metre", "metres");
        unit(units, "cm", "cm", "centimeter", "centimeters", "centimetre", "centimetres");
        unit(units, "mm", "mm", "millimeter", "millimeters");
        unit(units, "mile", "mile", "miles", "mi");
        unit(units, "ft", "ft", "foot", "feet");
        unit(units, "in", "inch", "inches");
        unit(units, "kg", "kg", "kgs", "kilogram", "kilograms", "kilo", "kilos");
        unit(units, "g", "gram", "grams");
        unit(units, "lb", "lb", "lbs", "pound", "pounds");
        unit(units, "oz", "oz", "ounce", "ounces");
        unit(units, "l", "liter", "liters", "litre", "litres");
        unit(units, "gal", "gallon", "gallons");
        unit(units, "c", "celsius", "centigrade");
        unit(units, "f", "fahrenheit");
        unit(units, "mph", "mph");
        unit(units, "kmh", "kmh", "kph");
        unit(units, "kb", "kb", "kilobyte", "kilobytes");
        unit(units, "mb", "mb", "megabyte", "megabytes");
        unit(units, "gb", "gb", "gigabyte", "gigabytes");
        unit(units, "tb", "tb", "terabyte", "terabytes");
        unit(units, "ghz", "ghz", "gigahertz");
        unit(units, "mhz", "mhz", "megahertz");
        unit(units, "w", "watt", "watts");
        unit(units, "kw", "kw", "kilowatt", "kilowatts");
        unit(units, "v", "volt", "volts");
        unit(units, "mp", "mp", "megapixel", "megapixels");
        return Map.copyOf(units);
    }

    @SafeVarargs
    private static Map<String, List<String>> aliases(List<String>... groups) {
        Map<String, List<String>> out = new HashMap<>();
        for (List<String> group : groups) {
            for (String name : group) {
                out.put(name, group.stream().filter(other -> !other.equals(name)).toList());
            }
        }
        return Map.copyOf(out);
    }

    private static void unit(Map<String, String> units, String canonical, String... spellings) {
        for (String spelling : spellings) {
            units.put(spelling, canonical);
        }
    }
}
