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

    /** The decision the router would take for this request, without calling any backend. */
    RoutingDecision explain(Caller caller, ChatRequest request);

    /** The models a request may name, including the virtual model {@code auto}. */
    List<ModelInfo> models();
}
