package dev.llmrouter.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DirectivesTest {

    @Test
    void parsesEveryKey() {
        Directives d = Directives.parse("Hi [[sim ttft=5 tps=12.5 tokens=7 status=503 fail_first=2 reset=true"
                + " stall_after=3 error_after=4 malformed=true tag=case-1]] there");

        assertEquals(5L, d.ttftMillis());
        assertEquals(12.5, d.tokensPerSecond());
        assertEquals(7, d.tokens());
        assertEquals(503, d.status());
        assertEquals(2, d.failFirst());
        assertTrue(d.reset());
        assertEquals(3, d.stallAfter());
        assertEquals(4, d.errorAfter());
        assertTrue(d.malformed());
        assertEquals("case-1", d.tag());
    }

    @Test
    void stripsBlocksFromTheAnswerText() {
        assertEquals("Hi   there", Directives.strip("Hi [[sim tokens=3]] there"));
        assertEquals("Question?", Directives.strip("[[sim tag=a]]Question?[[sim ttft=1]]"));
        assertEquals("", Directives.strip(null));
    }

    @Test
    void textWithoutDirectivesHasNone() {
        assertSame(Directives.NONE, Directives.parse(null));
        assertEquals(Directives.NONE, Directives.parse("plain [[simulate tokens=3]] [[ sim tokens=3]] text"));
        assertEquals("plain [[simulate tokens=3]] text", Directives.strip("plain [[simulate tokens=3]] text"));
    }

    @Test
    void ignoresUnknownKeysAndBadValues() {
        Directives d = Directives.parse("[[sim colour=blue ttft=-5 tps=fast tps=0 tokens=1.5 tokens=100001 status=200 status=abc"
                + " fail_first=-1 reset=maybe stall_after=x malformed=1 tag=bad/tag novalue =3]]");

        assertEquals(Directives.NONE, d);
    }

    @Test
    void laterValuesWinAcrossBlocks() {
        Directives d = Directives.parse("[[sim tokens=3 tag=a]] text [[sim tokens=9 ttft=oops]]");

        assertEquals(9, d.tokens());
        assertEquals("a", d.tag());
        assertNull(d.ttftMillis());
    }

    @Test
    void overridesOnlyTheGivenProfileValues() {
        SimulatorProfile profile = Directives.parse("[[sim tps=1000]]").applyTo(new SimulatorProfile(60, 80, 48));

        assertEquals(new SimulatorProfile(60, 1000, 48), profile);
    }

    @Test
    void failFirstLimitsWhichCallsFail() {
        Directives limited = Directives.parse("[[sim status=500 fail_first=2]]");
        Directives always = Directives.parse("[[sim status=500]]");

        assertTrue(limited.failsCall(1));
        assertTrue(limited.failsCall(2));
        assertFalse(limited.failsCall(3));
        assertTrue(always.failsCall(1000));
        assertFalse(Directives.NONE.failsCall(1));
    }
}
