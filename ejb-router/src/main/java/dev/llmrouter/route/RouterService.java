package dev.llmrouter.route;

import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.chat.ChatResult;
import dev.llmrouter.chat.ChatStreamListener;
import java.util.List;

/**
 * Routes chat completions to the semantic cache, a local model or a cloud API.
 *
 * <p>Other Jakarta EE applications look it up as
 * {@code java:global/llm-router/ejb-router/DefaultRouterService!dev.llmrouter.route.RouterService}
 * and compile against the {@code ejb-router} client jar.
 */
public interface RouterService {

    /** Resolves an API key to its tenant; the key's tenant is the only tenant a request can act for. */
    Caller authenticate(String apiKey);

    ChatResult route(Caller caller, String requestId, ChatRequest request);

    /** Streams the answer to the listener and returns once it completed or failed. */
    void stream(Caller caller, String requestId, ChatRequest request, ChatStreamListener listener);

    /**
     * The decision the router would take for this request, with every candidate's terms, without calling any
     * backend, counting a cache hit, charging or recording anything. {@code streamed}: whether the request
     * would stream (its deadline then applies to the first token).
     */
    RoutingDecision explain(Caller caller, ChatRequest request, boolean streamed);

    /** {@link #explain(Caller, ChatRequest, boolean)} for a request that does not stream. */
    default RoutingDecision explain(Caller caller, ChatRequest request) {
        return explain(caller, request, false);
    }

    /** The models a request may name, including the virtual model {@code auto}. */
    List<ModelInfo> models();
}
