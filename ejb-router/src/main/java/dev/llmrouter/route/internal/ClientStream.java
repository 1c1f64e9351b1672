package dev.llmrouter.route.internal;

import dev.llmrouter.chat.ChatStreamListener;
import dev.llmrouter.chat.RoutingReceipt;

/**
 * The client's side of a stream: announces the receipt before the first text, remembers whether
 * anything was sent (after that no fallback is allowed), and tells a vanished client apart from a
 * failing upstream.
 */
final class ClientStream {

    /** The client stopped listening; the upstream call must end. */
    static final class ClientGoneException extends RuntimeException {
        ClientGoneException(Throwable cause) {
            super("client closed the stream", cause);
        }
    }

    private final ChatStreamListener listener;
    private final RoutingReceipt receipt;
    private final StringBuilder sent = new StringBuilder();
    private boolean started;

    ClientStream(ChatStreamListener listener, RoutingReceipt receipt) {
        this.listener = listener;
        this.receipt = receipt;
    }

    void text(String text) {
        startIfNeeded();
        try {
            listener.onText(text);
        } catch (RuntimeException e) {
            throw new ClientGoneException(e);
        }
        sent.append(text);
    }

    void startIfNeeded() {
        if (!started) {
            started = true;
            try {
                listener.onStart(receipt);
            } catch (RuntimeException e) {
                throw new ClientGoneException(e);
            }
        }
    }

    boolean started() {
        return started;
    }

    String sent() {
        return sent.toString();
    }
}
