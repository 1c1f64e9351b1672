package dev.llmrouter.simulator;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-request knobs read from {@code [[sim key=value ...]]} blocks in the last user message. They travel with the
 * request rather than living in server state so that concurrent tests cannot disturb each other. Unknown keys and
 * unusable values are ignored; absent values are {@code null} (or {@code false}).
 */
record Directives(Long ttftMillis, Double tokensPerSecond, Integer tokens, Integer status, Integer failFirst,
                  boolean reset, Integer stallAfter, Integer errorAfter, boolean malformed, String tag) {

    static final Directives NONE = new Directives(null, null, null, null, null, false, null, null, false, null);

    private static final Pattern BLOCK = Pattern.compile("\\[\\[sim(\\s[^\\]]*)?]]");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    /** Keeps a typo such as tokens=2000000000 from exhausting the heap with answer words. */
    private static final int MAX_TOKENS = 100_000;

    static Directives parse(String text) {
        if (text == null || text.isEmpty()) {
            return NONE;
        }
        Values v = new Values();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String body = m.group(1);
            if (body == null) {
                continue;
            }
            for (String pair : body.trim().split("\\s+")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    v.set(pair.substring(0, eq).toLowerCase(Locale.ROOT), pair.substring(eq + 1));
                }
            }
        }
        return v.toDirectives();
    }

    /** The text the simulated model should "answer": the message without its directive blocks. */
    static String strip(String text) {
        return text == null ? "" : BLOCK.matcher(text).replaceAll(" ").strip();
    }

    SimulatorProfile applyTo(SimulatorProfile defaults) {
        return new SimulatorProfile(
                ttftMillis != null ? ttftMillis : defaults.ttftMillis(),
                tokensPerSecond != null ? tokensPerSecond : defaults.tokensPerSecond(),
                tokens != null ? tokens : defaults.completionTokens());
    }

    /** Whether the status directive applies to the call that was the {@code ordinal}-th one with this tag. */
    boolean failsCall(long ordinal) {
        return status != null && withinFailFirst(ordinal);
    }

    /** Whether the reset directive applies to that call; {@code fail_first} limits resets as it limits statuses. */
    boolean resetsCall(long ordinal) {
        return reset && withinFailFirst(ordinal);
    }

    private boolean withinFailFirst(long ordinal) {
        return failFirst == null || ordinal <= failFirst;
    }

    private static final class Values {
        private Long ttft;
        private Double tps;
        private Integer tokens;
        private Integer status;
        private Integer failFirst;
        private boolean reset;
        private Integer stallAfter;
        private Integer errorAfter;
        private boolean malformed;
        private String tag;

        void set(String key, String value) {
            switch (key) {
                case "ttft" -> ttft = nonNegativeLong(value, ttft);
                case "tps" -> tps = positiveDouble(value, tps);
                case "tokens" -> tokens = atMost(MAX_TOKENS, nonNegativeInt(value, tokens), tokens);
                case "status" -> status = errorStatus(value, status);
                case "fail_first" -> failFirst = nonNegativeInt(value, failFirst);
                case "reset" -> reset = bool(value, reset);
                case "stall_after" -> stallAfter = nonNegativeInt(value, stallAfter);
                case "error_after" -> errorAfter = nonNegativeInt(value, errorAfter);
                case "malformed" -> malformed = bool(value, malformed);
                case "tag" -> tag = TAG.matcher(value).matches() ? value : tag;
                default -> { }
            }
        }

        Directives toDirectives() {
            return new Directives(ttft, tps, tokens, status, failFirst, reset, stallAfter, errorAfter, malformed, tag);
        }

        private static Long nonNegativeLong(String value, Long previous) {
            try {
                long parsed = Long.parseLong(value);
                return parsed >= 0 ? Long.valueOf(parsed) : previous;
            } catch (NumberFormatException e) {
                return previous;
            }
        }

        private static Integer nonNegativeInt(String value, Integer previous) {
            try {
                int parsed = Integer.parseInt(value);
                return parsed >= 0 ? Integer.valueOf(parsed) : previous;
            } catch (NumberFormatException e) {
                return previous;
            }
        }

        private static Integer atMost(int limit, Integer value, Integer previous) {
            return value != null && value <= limit ? value : previous;
        }

        private static Double positiveDouble(String value, Double previous) {
            try {
                double parsed = Double.parseDouble(value);
                return parsed > 0 && !Double.isNaN(parsed) ? Double.valueOf(parsed) : previous;
            } catch (NumberFormatException e) {
                return previous;
            }
        }

        private static Integer errorStatus(String value, Integer previous) {
            Integer parsed = nonNegativeInt(value, null);
            return parsed != null && parsed >= 400 && parsed <= 599 ? parsed : previous;
        }

        private static boolean bool(String value, boolean previous) {
            if ("true".equalsIgnoreCase(value)) {
                return true;
            }
            return "false".equalsIgnoreCase(value) ? false : previous;
        }
    }
}
