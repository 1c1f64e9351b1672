package dev.llmrouter.route.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmrouter.chat.ChatResult;
import dev.llmrouter.chat.ChatStreamListener;
import dev.llmrouter.chat.RoutingReceipt;
import dev.llmrouter.chat.Tier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientStreamTest {

    private static final RoutingReceipt RECEIPT =
            new RoutingReceipt("req-1", "sim-local", Tier.LOCAL, "BYPASS", "simple question", true, null, null);

    /** Records calls in order; can be told to fail on a given call. */
    private static class Recorder implements ChatStreamListener {
        final List<String> calls = new ArrayList<>();
        RoutingReceipt receipt;
        RuntimeException failOnStart;
        RuntimeException failOnText;

        @Override
        public void onStart(RoutingReceipt receipt) {
            calls.add("start");
            this.receipt = receipt;
            if (failOnStart != null) {
                throw failOnStart;
            }
        }

        @Override
        public void onText(String text) {
            calls.add("text:" + text);
            if (failOnText != null) {
                throw failOnText;
            }
        }

        @Override
        public void onComplete(ChatResult result) {
            calls.add("complete");
        }

        @Override
        public void onError(String code, String message) {
            calls.add("error:" + code);
        }
    }

    @Test
    void notStartedBeforeAnyText() {
        Recorder listener = new Recorder();
        ClientStream stream = new ClientStream(listener, RECEIPT);

        assertFalse(stream.started());
        assertEquals("", stream.sent());
        assertTrue(listener.calls.isEmpty());
    }

    @Test
    void firstTextAnnouncesTheReceiptOnceBeforeTheText() {
        Recorder listener = new Recorder();
        ClientStream stream = new ClientStream(listener, RECEIPT);

        stream.text("Hello");
        stream.text(", world");
        stream.startIfNeeded();

        assertTrue(stream.started());
        assertEquals(List.of("start", "text:Hello", "text:, world"), listener.calls);
        assertSame(RECEIPT, listener.receipt);
        assertEquals("Hello, world", stream.sent());
    }

    @Test
    void startIfNeededAloneStartsOnceWithoutText() {
        Recorder listener = new Recorder();
        ClientStream stream = new ClientStream(listener, RECEIPT);

        stream.startIfNeeded();
        stream.startIfNeeded();

        assertTrue(stream.started());
        assertEquals(List.of("start"), listener.calls);
        assertEquals("", stream.sent());
    }

    @Test
    void aListenerFailingOnTextMeansTheClientIsGone() {
        Recorder listener = new Recorder();
        ClientStream stream = new ClientStream(listener, RECEIPT);
        stream.text("kept ");
        IllegalStateException broken = new IllegalStateException("broken pipe");
        listener.failOnText = broken;

        ClientStream.ClientGoneException gone =
                assertThrows(ClientStream.ClientGoneException.class, () -> stream.text("lost"));

        assertSame(broken, gone.getCause());
        assertEquals("client closed the stream", gone.getMessage());
        assertEquals("kept ", stream.sent());
        assertTrue(stream.started());
    }

    @Test
    void aListenerFailingOnStartMeansTheClientIsGoneAndNoTextIsSent() {
        Recorder listener = new Recorder();
        listener.failOnStart = new IllegalStateException("closed");
        ClientStream stream = new ClientStream(listener, RECEIPT);

        ClientStream.ClientGoneException gone =
                assertThrows(ClientStream.ClientGoneException.class, () -> stream.text("first"));

        assertSame(listener.failOnStart, gone.getCause());
        assertEquals(List.of("start"), listener.calls);
        assertEquals("", stream.sent());
    }

    @Test
    void startIfNeededAlsoReportsAGoneClient() {
        Recorder listener = new Recorder();
        listener.failOnStart = new IllegalStateException("closed");
        ClientStream stream = new ClientStream(listener, RECEIPT);

        assertThrows(ClientStream.ClientGoneException.class, stream::startIfNeeded);
    }
}
