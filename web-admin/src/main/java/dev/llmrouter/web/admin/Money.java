package dev.llmrouter.web.admin;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Integer micro-USD as operators read it. */
public final class Money {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private Money() {
    }

    /** "$12.50", or "$0.000420" for amounts below a cent, so that small spend never shows as zero. */
    public static String usd(long micros) {
        BigDecimal dollars = BigDecimal.valueOf(micros).divide(MILLION, 6, RoundingMode.UNNECESSARY);
        if (micros != 0 && Math.abs(micros) < 10_000) {
            return (micros < 0 ? "-$" : "$") + dollars.abs().toPlainString();
        }
        return (micros < 0 ? "-$" : "$") + dollars.abs().setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Dollars as a chart value. */
    public static double dollars(long micros) {
        return micros / 1_000_000.0;
    }

    /** "12.5" dollars (as typed in a form) to micro-USD; null for a blank field. */
    public static Long parseUsd(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BigDecimal value = new BigDecimal(text.strip().replace("$", "").replace(",", ""));
        return value.multiply(MILLION).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
