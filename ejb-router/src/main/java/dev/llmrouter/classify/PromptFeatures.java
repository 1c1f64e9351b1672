package dev.llmrouter.classify;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cheap text features of a prompt, the part of the quality model's input that the embedding misses:
 * all-MiniLM-L6-v2 reads at most 256 tokens and knows the topic, not how much arithmetic, negation
 * or answer structure a question carries. Every value is a number the model standardises.
 */
final class PromptFeatures {

    static final List<String> NAMES = List.of("log_chars", "log_words", "log_numbers", "number_density",
            "has_options", "option_count", "log_stem_chars", "log_option_chars", "numeric_options",
            "negation", "which_of_following", "roman_statements", "paired_statements", "math_symbols",
            "money_or_percent", "code", "reasoning_cues", "questions", "sentences", "log_longest_number",
            "fill_blank", "quoted", "capitalised_words", "answer_suffix",
            // Word-problem features (all log1p of a count unless said otherwise): what makes multi-step
            // arithmetic hard for a small model, or its reference answer easy to miss for a large one.
            "distinct_numbers", "decimal_numbers", "percents", "slash_fractions", "dollars", "cents",
            "number_magnitude", "capitalised_count", "distinct_names", "commas", "how_much", "how_many",
            "last_sentence_chars", "fraction_words", "time_units", "number_words", "each_every_per",
            "comparatives", "remaining", "conditions", "money_words", "ages", "sequence_words", "totals");

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern OPTION = Pattern.compile("(?m)^\\s*([A-J])[.)]\\s+(.*)$");
    private static final Pattern NUMERIC_OPTION = Pattern.compile("^[\\s$\\-+(]*\\d[\\d.,/ %^*x()+\\-]*[a-zA-Z%]{0,8}\\.?\\s*$");
    private static final Pattern NEGATION = Pattern.compile(
            "\\b(NOT|EXCEPT|LEAST|not true|incorrect|false|never|cannot)\\b");
    private static final Pattern WHICH = Pattern.compile("(?i)\\bwhich of the following\\b");
    private static final Pattern ROMAN = Pattern.compile("(?m)^\\s*(I|II|III|IV)\\.\\s");
    private static final Pattern PAIRED = Pattern.compile("(?i)\\b(statement|scenario) [12]\\s*\\|");
    private static final Pattern MATH = Pattern.compile("[=+*/^<>√∑∫]|\\b(sqrt|log|sin|cos|mod|integral|derivative)\\b");
    private static final Pattern MONEY = Pattern.compile("[$€£%]|\\bpercent\\b|\\bcents?\\b|\\bdollars?\\b");
    private static final Pattern CODE = Pattern.compile(
            "```|\\b(def|return|public|class|function|import|printf|int|void|var|let)\\b.*[;:{(]");
    private static final Pattern REASONING = Pattern.compile("(?i)\\b(prove|proof|derive|step[- ]by[- ]step"
            + "|analy[sz]e|explain why|calculate|how many|how much|what is the probability|implement|debug)\\b");
    private static final Pattern SENTENCE = Pattern.compile("[.!?](\\s|$)");
    private static final Pattern BLANK = Pattern.compile("_{2,}|\\bblank\\b");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]{3,}\"|“[^”]{3,}”");
    private static final Pattern CAPITALISED = Pattern.compile("(?<=\\s)[A-Z][a-z]+");

    private static final Pattern PERCENT_WORD = Pattern.compile("(?i)\\bpercent");
    private static final Pattern SLASH_FRACTION = Pattern.compile("\\d/\\d");
    private static final Pattern CENTS = Pattern.compile("\\$\\d+\\.\\d");
    private static final Pattern HOW_MUCH = Pattern.compile("(?i)how much");
    private static final Pattern HOW_MANY = Pattern.compile("(?i)how many");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!])\\s");
    private static final List<Pattern> WORD_PROBLEM = List.of(
            words("half|third|quarter|fourth|fifth|twice|thrice|double|triple"),
            words("(?:hour|minute|second|day|week|month|year)s?"),
            words("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|thousand|dozen"),
            words("each|every|per|rate"),
            words("more|less|fewer|times|than"),
            words("remaining|rest|left|remainder"),
            words("if|after|then|before"),
            words("profit|earn|sell|sold|cost|price|pay|paid|discount|tax|interest"),
            words("age|old|older|younger"),
            words("then|next|after that|finally|later"),
            words("total|altogether|combined|in all|together"));

    private PromptFeatures() {
    }

    static double[] of(String text) {
        String t = text == null ? "" : text;
        int words = t.isBlank() ? 0 : t.trim().split("\\s+").length;
        int numbers = 0;
        int longestNumber = 0;
        Matcher n = NUMBER.matcher(t);
        while (n.find()) {
            numbers++;
            longestNumber = Math.max(longestNumber, n.group().length());
        }
        int options = 0;
        int numericOptions = 0;
        int optionChars = 0;
        int firstOption = t.length();
        Matcher o = OPTION.matcher(t);
        while (o.find()) {
            options++;
            optionChars += o.group(2).length();
            firstOption = Math.min(firstOption, o.start());
            if (NUMERIC_OPTION.matcher(o.group(2)).matches()) {
                numericOptions++;
            }
        }
        int stemChars = options >= 2 ? firstOption : t.length();
        double[] base = {
            Math.log1p(t.length()),
            Math.log1p(words),
            Math.log1p(numbers),
            words == 0 ? 0 : Math.min(1, numbers / (double) words),
            options >= 2 ? 1 : 0,
            Math.min(options, 10),
            Math.log1p(stemChars),
            Math.log1p(options >= 2 ? optionChars / (double) options : 0),
            options >= 2 ? numericOptions / (double) options : 0,
            Math.min(3, count(NEGATION, t)),
            WHICH.matcher(t).find() ? 1 : 0,
            Math.min(4, count(ROMAN, t)),
            PAIRED.matcher(t).find() ? 1 : 0,
            Math.log1p(count(MATH, t)),
            Math.log1p(count(MONEY, t)),
            CODE.matcher(t).find() ? 1 : 0,
            Math.min(3, count(REASONING, t)),
            Math.min(5, t.chars().filter(c -> c == '?').count()),
            Math.log1p(count(SENTENCE, t)),
            Math.log1p(longestNumber),
            BLANK.matcher(t).find() ? 1 : 0,
            Math.min(3, count(QUOTED, t)),
            words == 0 ? 0 : Math.min(1, count(CAPITALISED, t) / (double) words),
            t.stripTrailing().endsWith("Answer:") ? 1 : 0,
        };
        double[] wordProblem = wordProblem(t);
        double[] all = Arrays.copyOf(base, base.length + wordProblem.length);
        System.arraycopy(wordProblem, 0, all, base.length, wordProblem.length);
        return all;
    }

    private static double[] wordProblem(String t) {
        Set<String> distinct = new HashSet<>();
        int decimals = 0;
        double magnitude = 0;
        Matcher n = NUMBER.matcher(t);
        while (n.find()) {
            String number = n.group().replace(",", "");
            distinct.add(number);
            if (number.indexOf('.') >= 0) {
                decimals++;
            }
            if (number.indexOf('.') == number.lastIndexOf('.')) {
                magnitude += Math.log10(Double.parseDouble(number) + 1);
            }
        }
        int capitalised = 0;
        Set<String> names = new HashSet<>();
        Matcher c = CAPITALISED.matcher(t);
        while (c.find()) {
            capitalised++;
            names.add(c.group());
        }
        String[] sentences = SENTENCE_END.split(t.strip());
        double[] x = new double[13 + WORD_PROBLEM.size()];
        x[0] = distinct.size();
        x[1] = decimals;
        x[2] = t.chars().filter(ch -> ch == '%').count() + count(PERCENT_WORD, t);
        x[3] = count(SLASH_FRACTION, t);
        x[4] = t.chars().filter(ch -> ch == '$').count();
        x[5] = count(CENTS, t);
        x[6] = magnitude;
        x[7] = capitalised;
        x[8] = names.size();
        x[9] = t.chars().filter(ch -> ch == ',').count();
        x[10] = HOW_MUCH.matcher(t).find() ? 1 : 0;
        x[11] = HOW_MANY.matcher(t).find() ? 1 : 0;
        x[12] = sentences.length == 0 ? 0 : sentences[sentences.length - 1].length();
        for (int i = 0; i < WORD_PROBLEM.size(); i++) {
            x[13 + i] = count(WORD_PROBLEM.get(i), t);
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.log1p(x[i]);
        }
        return x;
    }

    /** Whole words or phrases, any case; counted without overlaps. */
    private static Pattern words(String alternatives) {
        return Pattern.compile("(?i)\\b(?:" + alternatives + ")\\b");
    }

    private static int count(Pattern p, String t) {
        Matcher m = p.matcher(t);
        int c = 0;
        while (m.find()) {
            c++;
        }
        return c;
    }
}
