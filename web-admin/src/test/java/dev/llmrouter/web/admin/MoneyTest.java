package dev.llmrouter.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void dollarsAndCents() {
        assertEquals("$12.50", Money.usd(12_500_000));
        assertEquals("$0.00", Money.usd(0));
        assertEquals("$0.01", Money.usd(10_000));
    }

    @Test
    void amountsBelowACentKeepTheirMicros() {
        assertEquals("$0.000042", Money.usd(42));
        assertEquals("-$0.000042", Money.usd(-42));
    }

    @Test
    void parsesWhatOperatorsType() {
        assertEquals(50_000_000L, Money.parseUsd("50"));
        assertEquals(12_345_678L, Money.parseUsd(" $12.345678 "));
        assertEquals(1_000_000_000L, Money.parseUsd("1,000"));
        assertNull(Money.parseUsd("  "));
        assertThrows(NumberFormatException.class, () -> Money.parseUsd("ten"));
    }
}
