package dev.llmrouter.backend;

import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.chat.Tier;

public interface InferenceBackend {

    /** The model id clients name in requests and that {@code /v1/models} lists. */
    String id();

    Tier tier();

    BackendDefinition definition();

    BackendReply chat(ChatRequest request);

    /** Streams text pieces to the sink and returns the complete reply when the upstream finished. */
    BackendReply stream(ChatRequest request, TokenSink sink);

    /** Asks the upstream whether it can serve this backend's model now. */
    BackendHealth probe();

    /**
     * Whether the model is loaded on its server, from what this instance last learned; never blocks
     * on the network, so routing may ask on every request.
     */
    default Residency residency() {
        return Residency.NOT_APPLICABLE;
    }
}
