package dev.llmrouter.backend.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseReaderTest {

    record Event(String name, String data) {
    }

    /** Collects every event and reports whether the handler stopped the reading. */
    private static final class Collector {
        final List<Event> events = new ArrayList<>();
        boolean stopped;

        Collector read(String stream) throws IOException {
            stopped = SseReader.read(in(stream), (name, data) -> events.add(new Event(name, data)));
            return this;
        }
    }

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void singleEventWithDefaultName() throws IOException {
        Collector c = new Collector().read("data: {\"a\":1}\n\n");

        assertEquals(List.of(new Event("message", "{\"a\":1}")), c.events);
        assertFalse(c.stopped);
    }

    @Test
    void blankLinesSeparateEvents() throws IOException {
        Collector c = new Collector().read("data: one\n\ndata: two\n\n\n\ndata: three\n\n");

        assertEquals(List.of(new Event("message", "one"), new Event("message", "two"), new Event("message", "three")),
                c.events);
    }

    @Test
    void multiLineDataIsJoinedWithNewlines() throws IOException {
        Collector c = new Collector().read("data: first\ndata: second\ndata:third\n\n");

        assertEquals(List.of(new Event("message", "first\nsecond\nthird")), c.events);
    }

    @Test
    void commentsAreIgnored() throws IOException {
        Collector c = new Collector().read(": keep-alive\ndata: a\n: in between\ndata: b\n\n:\n\n");

        assertEquals(List.of(new Event("message", "a\nb")), c.events);
    }

    @Test
    void eventNamesApplyToTheirEventOnly() throws IOException {
        Collector c = new Collector().read("event: error\ndata: {\"error\":1}\n\ndata: after\n\n");

        assertEquals(List.of(new Event("error", "{\"error\":1}"), new Event("message", "after")), c.events);
    }

    @Test
    void eventNameWithoutDataDispatchesNothingAndDoesNotLeak() throws IOException {
        Collector c = new Collector().read("event: ping\n\ndata: x\n\n");

        assertEquals(List.of(new Event("message", "x")), c.events);
    }

    @Test
    void dataWithoutSpaceAfterColonAndOnlyOneSpaceIsStripped() throws IOException {
        Collector c = new Collector().read("data:no-space\n\ndata:  two spaces\n\n");

        assertEquals(List.of(new Event("message", "no-space"), new Event("message", " two spaces")), c.events);
    }

    @Test
    void aValueMayContainColons() throws IOException {
        Collector c = new Collector().read("data: {\"url\":\"http://x\"}\n\n");

        assertEquals("{\"url\":\"http://x\"}", c.events.get(0).data());
    }

    @Test
    void aBareDataFieldIsAnEmptyLine() throws IOException {
        Collector c = new Collector().read("data\ndata: x\n\n");

        assertEquals(List.of(new Event("message", "\nx")), c.events);
    }

    @Test
    void unknownFieldsAreIgnored() throws IOException {
        Collector c = new Collector().read("id: 7\nretry: 1000\nfoo: bar\ndata: x\n\n");

        assertEquals(List.of(new Event("message", "x")), c.events);
    }

    @Test
    void aFinalEventWithoutTrailingBlankLineIsStillDelivered() throws IOException {
        Collector c = new Collector().read("data: one\n\ndata: [DONE]");

        assertEquals(List.of(new Event("message", "one"), new Event("message", "[DONE]")), c.events);
        assertFalse(c.stopped);
    }

    @Test
    void anEmptyStreamDeliversNothing() throws IOException {
        Collector c = new Collector().read("");

        assertTrue(c.events.isEmpty());
        assertFalse(c.stopped);
    }

    @Test
    void crlfLineEndingsAreHandled() throws IOException {
        Collector c = new Collector().read("event: delta\r\ndata: a\r\ndata: b\r\n\r\ndata: c\r\n\r\n");

        assertEquals(List.of(new Event("delta", "a\nb"), new Event("message", "c")), c.events);
    }

    @Test
    void bareCarriageReturnLineEndingsAreHandled() throws IOException {
        Collector c = new Collector().read("data: a\r\rdata: b\r\r");

        assertEquals(List.of(new Event("message", "a"), new Event("message", "b")), c.events);
    }

    @Test
    void utf8IsDecoded() throws IOException {
        Collector c = new Collector().read("data: caf\u00e9 \u2603\n\n");

        assertEquals("caf\u00e9 \u2603", c.events.get(0).data());
    }

    @Test
    void handlerReturningFalseStopsTheReading() throws IOException {
        List<String> seen = new ArrayList<>();

        boolean stopped = SseReader.read(in("data: a\n\ndata: [DONE]\n\ndata: after\n\n"), (name, data) -> {
            seen.add(data);
            return !"[DONE]".equals(data);
        });

        assertTrue(stopped);
        assertEquals(List.of("a", "[DONE]"), seen);
    }

    @Test
    void handlerReturningFalseOnTheUnterminatedLastEventReportsStopped() throws IOException {
        boolean stopped = SseReader.read(in("data: [DONE]"), (name, data) -> false);

        assertTrue(stopped);
    }

    @Test
    void handlerExceptionsPropagate() {
        IllegalStateException boom = new IllegalStateException("boom");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> SseReader.read(in("data: x\n\n"), (name, data) -> {
                    throw boom;
                }));

        assertSame(boom, thrown);
    }

    @Test
    void readErrorsPropagateAsIOException() {
        InputStream broken = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent < 8) {
                    return "data: x\n".charAt(sent++);
                }
                throw new IOException("connection reset");
            }
        };

        IOException e = assertThrows(IOException.class, () -> SseReader.read(broken, (n, d) -> true));
        assertEquals("connection reset", e.getMessage());
    }
}
