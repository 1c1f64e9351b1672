package dev.llmrouter.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RouterHeadersTest {

    @Test
    void usdHasSixDecimals() {
        assertEquals("0.000001", RouterHeaders.usd(1));
        assertEquals("1.500000", RouterHeaders.usd(1_500_000));
        assertEquals("0.000000", RouterHeaders.usd(0));
        assertEquals("123.456789", RouterHeaders.usd(123_456_789));
    }

    @Test
    void usdNeverUsesScientificNotation() {
        assertEquals("9223372036854.775807", RouterHeaders.usd(Long.MAX_VALUE));
    }

    @Test
    void printableAsciiIsKept() {
        String reason = "simple question -> sim-local; fell back to sim-cloud after sim-local (upstream_http_503)";

        assertEquals(reason, RouterHeaders.headerSafe(reason));
    }

    @Test
    void lineBreaksAndControlCharactersAreReplaced() {
        assertEquals("a??b?c?d", RouterHeaders.headerSafe("a\r\nb\tc\u0000d"));
        assertEquals("x?", RouterHeaders.headerSafe("x\u007f"));
    }

    @Test
    void nonAsciiIsReplaced() {
        assertEquals("caf? ??", RouterHeaders.headerSafe("caf\u00e9 \uD83D\uDE00"));
    }

    @Test
    void lengthIsCappedAt300() {
        assertEquals("y".repeat(300), RouterHeaders.headerSafe("y".repeat(1000)));
        assertEquals("z".repeat(300), RouterHeaders.headerSafe("z".repeat(300)));
        assertEquals(299, RouterHeaders.headerSafe("w".repeat(299)).length());
        assertEquals("?".repeat(300), RouterHeaders.headerSafe("\n".repeat(301)));
    }

    @Test
    void emptyStaysEmpty() {
        assertEquals("", RouterHeaders.headerSafe(""));
    }
}
