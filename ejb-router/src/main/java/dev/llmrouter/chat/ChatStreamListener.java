package dev.llmrouter.chat;

/**
 * Receives a streamed answer. {@link #onStart} comes once, before any text, when a backend has
 * accepted the request; the stream then either completes or fails, once.
 */
public interface ChatStreamListener {

    void onStart(RoutingReceipt receipt);

    void onText(String text);

    void onComplete(ChatResult result);

    /** The stream broke after it started; nothing more will come. */
    void onError(String code, String message);
}
