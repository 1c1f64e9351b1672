package dev.llmrouter.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which simulated Ollama models are loaded, as {@code /api/ps} reports them. Unlike a real Ollama, which
 * starts empty and unloads an idle model after five minutes, every model starts loaded and stays loaded
 * until a request's {@code keep_alive} says otherwise: {@code 0} unloads it after the request, a duration
 * keeps it that long, a negative value forever. A call to a model that is not loaded pays a cold load first.
 */
final class Residency {

    /** How long a simulated cold load takes; long enough to see in a TTFT, short enough for tests. */
    static final Duration COLD_LOAD = Duration.ofMillis(300);

    private static final Instant FOREVER = Instant.parse("2318-01-01T00:00:00Z");
    private static final Pattern GO_DURATION = Pattern.compile("(-?)((?:\\d+(?:\\.\\d+)?(?:h|m|s|ms))+)");
    private static final Pattern GO_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s)");

    private final Map<String, Instant> expiresAt = new ConcurrentHashMap<>();

    Residency(Set<String> models) {
        models.forEach(m -> expiresAt.put(m, FOREVER));
    }

    boolean loaded(String model) {
        Instant until = expiresAt.get(model);
        return until != null && until.isAfter(Instant.now());
    }

    /** The loaded models and when each expires, in no particular order. */
    Map<String, Instant> loaded() {
        Map<String, Instant> now = new LinkedHashMap<>();
        expiresAt.forEach((model, until) -> {
            if (until.isAfter(Instant.now())) {
                now.put(model, until);
            }
        });
        return now;
    }

    /** Records a use of the model with the request's keep_alive (null: keep it at least as long as before). */
    void used(String model, Duration keepAlive) {
        if (keepAlive == null) {
            Instant floor = Instant.now().plus(Duration.ofMinutes(5));
            expiresAt.merge(model, floor, (old, fresh) -> old.isAfter(fresh) ? old : fresh);
        } else if (keepAlive.isZero()) {
            expiresAt.remove(model);
        } else {
            expiresAt.put(model, keepAlive.isNegative() ? FOREVER : Instant.now().plus(keepAlive));
        }
    }

    /**
     * Ollama's keep_alive: a number of seconds or a Go duration string ("5m", "1h30m", "0"); null when
     * absent or unreadable, so the model is kept as before.
     */
    static Duration keepAlive(com.fasterxml.jackson.databind.JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return Duration.ofMillis(Math.round(node.asDouble() * 1000));
        }
        String text = node.asText().strip();
        if (text.matches("-?\\d+")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        Matcher whole = GO_DURATION.matcher(text);
        if (!whole.matches()) {
            return null;
        }
        double millis = 0;
        Matcher part = GO_PART.matcher(whole.group(2));
        while (part.find()) {
            double value = Double.parseDouble(part.group(1));
            millis += switch (part.group(2)) {
                case "h" -> value * 3_600_000;
                case "m" -> value * 60_000;
                case "s" -> value * 1_000;
                default -> value;
            };
        }
        Duration duration = Duration.ofMillis(Math.round(millis));
        return whole.group(1).isEmpty() ? duration : duration.negated();
    }
}
