package dev.llmrouter.web.api;

import dev.llmrouter.chat.RoutingHints;
import dev.llmrouter.web.api.error.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The routing hints a request carries in headers: {@code x-router-deadline-ms} (whole milliseconds),
 * {@code x-router-max-cost} (USD, like {@code x-router-cost-usd}), {@code x-router-min-quality} (0 to 1).
 * An unreadable hint is a 400, never silently ignored. Every other header (but credentials) is passed on
 * for routing rules to look at.
 */
final class RoutingHintHeaders {

    static final String DEADLINE = "x-router-deadline-ms";
    static final String MAX_COST = "x-router-max-cost";
    static final String MIN_QUALITY = "x-router-min-quality";

    private static final long MAX_DEADLINE_MS = 3_600_000;
    private static final Set<String> PRIVATE = Set.of("authorization", "cookie", "proxy-authorization");
    private static final int MAX_HEADERS = 100;
    private static final int MAX_VALUE_CHARS = 1024;

    private RoutingHintHeaders() {
    }

    static RoutingHints of(HttpServletRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            String value = request.getHeader(name);
            if (!PRIVATE.contains(lower) && value != null && value.length() <= MAX_VALUE_CHARS
                    && headers.size() < MAX_HEADERS) {
                headers.put(lower, value);
            }
        }
        return new RoutingHints(deadline(headers.get(DEADLINE)), maxCost(headers.get(MAX_COST)),
                minQuality(headers.get(MIN_QUALITY)), headers);
    }

    static Long deadline(String value) {
        if (value == null) {
            return null;
        }
        try {
            long ms = Long.parseLong(value.strip());
            if (ms >= 1 && ms <= MAX_DEADLINE_MS) {
                return ms;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.invalid(DEADLINE, "'" + DEADLINE + "' must be a whole number of milliseconds from 1 to "
                + MAX_DEADLINE_MS + ".");
    }

    static Long maxCost(String value) {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal usd = new BigDecimal(value.strip());
            if (usd.signum() >= 0 && usd.compareTo(BigDecimal.valueOf(1_000_000)) <= 0) {
                return usd.movePointRight(6).setScale(0, RoundingMode.DOWN).longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // refused below
        }
        throw ApiException.invalid(MAX_COST, "'" + MAX_COST + "' must be an amount in USD, such as 0.002.");
    }

    static Double minQuality(String value) {
        if (value == null) {
            return null;
        }
        try {
            double q = Double.parseDouble(value.strip());
            if (q >= 0 && q <= 1) {
                return q;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.invalid(MIN_QUALITY, "'" + MIN_QUALITY + "' must be a number from 0 to 1.");
    }
}
