package dev.llmrouter.web.api;

import dev.llmrouter.chat.ChatResult;
import dev.llmrouter.idempotency.Claim;
import dev.llmrouter.idempotency.IdempotencyKeys;
import dev.llmrouter.idempotency.IdempotencyUnavailableException;
import dev.llmrouter.idempotency.StoredResponse;
import dev.llmrouter.route.Caller;
import dev.llmrouter.route.RouterException;
import dev.llmrouter.route.RouterService;
import dev.llmrouter.web.api.error.ApiException;
import dev.llmrouter.web.api.error.ErrorBody;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/chat/completions")
@Authenticated
@Tag(name = "chat", description = "OpenAI-compatible chat completions")
public class ChatCompletionsResource {

    private static final Logger LOG = Logger.getLogger(ChatCompletionsResource.class.getName());

    @Inject
    RouterService router;

    @Inject
    @ConfigProperty(name = "router.api.max-body-bytes", defaultValue = "2097152")
    int maxBodyBytes;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Resource
    ManagedExecutorService executor;

    /** The calling tenant's Idempotency-Key that this request claimed, or none. */
    private record Idempotency(Caller caller, String key, String requestId) {

        void complete(IdempotencyKeys keys, StoredResponse response) {
            keys.complete(caller, key, requestId, response);
        }

        void release(IdempotencyKeys keys) {
            keys.release(caller, key, requestId);
        }
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, "text/event-stream"})
    @Operation(summary = "Create a chat completion",
            description = "model 'auto' lets the router choose; a model id from /v1/models pins its backend. "
                    + "stream=true answers with server-sent events ending in 'data: [DONE]'. "
                    + "An Idempotency-Key header makes a retry with the same key and body return the first "
                    + "answer (marked x-router-idempotent-replay: true) instead of calling a model again.")
    @APIResponse(responseCode = "200", description = "The completion (JSON or SSE), with x-router-* receipt headers")
    @APIResponse(responseCode = "400", description = "Malformed JSON or an invalid or forbidden field")
    @APIResponse(responseCode = "401", description = "Missing or wrong API key")
    @APIResponse(responseCode = "404", description = "Unknown model")
    @APIResponse(responseCode = "409", description = "A request with the same Idempotency-Key is still running")
    @APIResponse(responseCode = "413", description = "Body too large")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body")
    @APIResponse(responseCode = "502", description = "Every candidate backend failed")
    public void create(@Context HttpServletRequest servletRequest,
                       @HeaderParam(RequestIds.HEADER) String presentedRequestId,
                       @HeaderParam("Content-Length") Long contentLength,
                       @HeaderParam("Cache-Control") String cacheControl,
                       @HeaderParam(IdempotentReplies.HEADER) String idempotencyKey,
                       InputStream body,
                       @Suspended AsyncResponse async) {
        if (contentLength != null && contentLength > maxBodyBytes) {
            async.resume(RequestBodies.tooLarge(maxBodyBytes));
            return;
        }
        Caller caller = ApiKeyFilter.caller(servletRequest);
        String requestId = RequestIds.from(presentedRequestId);
        ChatCompletionRequest request;
        Idempotency idempotency = null;
        try {
            byte[] raw = RequestBodies.read(body, maxBodyBytes);
            ChatCompletionRequest parsed = ChatRequestReader.read(raw);
            request = parsed.withCache(CacheControlHeader.merge(cacheControl, parsed.chat().cache()))
                    .withHints(RoutingHintHeaders.of(servletRequest));
            if (idempotencyKey != null) {
                String key = IdempotentReplies.key(idempotencyKey);
                Claim claim = idempotencyKeys.claim(caller, key, raw, requestId);
                switch (claim.kind()) {
                    case REPLAY -> {
                        async.resume(IdempotentReplies.replay(claim.response()));
                        return;
                    }
                    case IN_PROGRESS -> throw IdempotentReplies.inUse();
                    case MISMATCH -> throw IdempotentReplies.reused();
                    case FIRST -> idempotency = new Idempotency(caller, key, requestId);
                }
            }
        } catch (IdempotencyUnavailableException e) {
            async.resume(new ApiException(503, ErrorBody.UNAVAILABLE, "service_unavailable", null, e.getMessage()));
            return;
        } catch (RuntimeException e) {
            async.resume(e);
            return;
        }
        Idempotency claimed = idempotency;
        if (request.stream()) {
            stream(caller, requestId, request, claimed, async);
        } else {
            executor.execute(() -> complete(caller, requestId, request, claimed, async));
        }
    }

    private void complete(Caller caller, String requestId, ChatCompletionRequest request, Idempotency idempotency,
                          AsyncResponse async) {
        Response ready;
        try {
            ChatResult result = router.route(caller, requestId, request.chat());
            Response.ResponseBuilder response = Response.ok(ChatJson.completion(result).toString(),
                    MediaType.APPLICATION_JSON_TYPE);
            RouterHeaders.receipt(response, result.receipt());
            RouterHeaders.cost(response, result);
            ready = response.build();
        } catch (RuntimeException e) {
            if (idempotency != null) {
                idempotency.release(idempotencyKeys);
            }
            async.resume(e);
            return;
        }
        // Stored before it goes out: a retry racing the client's read already finds the answer.
        if (idempotency != null) {
            idempotency.complete(idempotencyKeys, IdempotentReplies.capture(ready));
        }
        async.resume(ready);
    }

    private void stream(Caller caller, String requestId, ChatCompletionRequest request, Idempotency idempotency,
                        AsyncResponse async) {
        SseStream sse = new SseStream(async, request.includeUsage(), executor, idempotency != null);
        executor.execute(() -> {
            try {
                router.stream(caller, requestId, request.chat(), sse);
                if (idempotency != null) {
                    sse.transcript().ifPresentOrElse(stored -> idempotency.complete(idempotencyKeys, stored),
                            () -> idempotency.release(idempotencyKeys));
                }
            } catch (RuntimeException e) {
                if (idempotency != null) {
                    idempotency.release(idempotencyKeys);
                }
                if (!sse.started()) {
                    async.resume(e);
                } else {
                    if (!(e instanceof RouterException)) {
                        LOG.log(Level.SEVERE, "Stream " + requestId + " failed after it started", e);
                    }
                    sse.abort("internal_error", "The stream failed.");
                }
            }
        });
    }
}
