package dev.llmrouter.web.api;

import dev.llmrouter.chat.ChatResult;
import dev.llmrouter.route.Caller;
import dev.llmrouter.route.RouterException;
import dev.llmrouter.route.RouterService;
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

    @Resource
    ManagedExecutorService executor;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, "text/event-stream"})
    @Operation(summary = "Create a chat completion",
            description = "model 'auto' lets the router choose; a model id from /v1/models pins its backend. "
                    + "stream=true answers with server-sent events ending in 'data: [DONE]'.")
    @APIResponse(responseCode = "200", description = "The completion (JSON or SSE), with x-router-* receipt headers")
    @APIResponse(responseCode = "400", description = "Malformed JSON or an invalid or forbidden field")
    @APIResponse(responseCode = "401", description = "Missing or wrong API key")
    @APIResponse(responseCode = "404", description = "Unknown model")
    @APIResponse(responseCode = "413", description = "Body too large")
    @APIResponse(responseCode = "502", description = "Every candidate backend failed")
    public void create(@Context HttpServletRequest servletRequest,
                       @HeaderParam(RequestIds.HEADER) String presentedRequestId,
                       @HeaderParam("Content-Length") Long contentLength,
                       @HeaderParam("Cache-Control") String cacheControl,
                       InputStream body,
                       @Suspended AsyncResponse async) {
        if (contentLength != null && contentLength > maxBodyBytes) {
            async.resume(RequestBodies.tooLarge(maxBodyBytes));
            return;
        }
        Caller caller = ApiKeyFilter.caller(servletRequest);
        String requestId = RequestIds.from(presentedRequestId);
        ChatCompletionRequest request;
        try {
            ChatCompletionRequest parsed = ChatRequestReader.read(RequestBodies.read(body, maxBodyBytes));
            request = parsed.withCache(CacheControlHeader.merge(cacheControl, parsed.chat().cache()));
        } catch (RuntimeException e) {
            async.resume(e);
            return;
        }
        if (request.stream()) {
            stream(caller, requestId, request, async);
        } else {
            executor.execute(() -> complete(caller, requestId, request, async));
        }
    }

    private void complete(Caller caller, String requestId, ChatCompletionRequest request, AsyncResponse async) {
        try {
            ChatResult result = router.route(caller, requestId, request.chat());
            Response.ResponseBuilder response = Response.ok(ChatJson.completion(result).toString(),
                    MediaType.APPLICATION_JSON_TYPE);
            RouterHeaders.receipt(response, result.receipt());
            RouterHeaders.cost(response, result);
            async.resume(response.build());
        } catch (RuntimeException e) {
            async.resume(e);
        }
    }

    private void stream(Caller caller, String requestId, ChatCompletionRequest request, AsyncResponse async) {
        SseStream sse = new SseStream(async, request.includeUsage(), executor);
        executor.execute(() -> {
            try {
                router.stream(caller, requestId, request.chat(), sse);
            } catch (RuntimeException e) {
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
