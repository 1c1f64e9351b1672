package dev.llmrouter.web.api;

import dev.llmrouter.route.DecisionJson;
import dev.llmrouter.route.RouterService;
import dev.llmrouter.route.RoutingDecision;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The decision the router would take for a chat-completion body, with every term, without calling any backend. */
@Path("/v1/route/explain")
@Authenticated
@Tag(name = "routing", description = "Why a request goes where it goes")
public class ExplainResource {

    @Inject
    RouterService router;

    @Inject
    @ConfigProperty(name = "router.api.max-body-bytes", defaultValue = "2097152")
    int maxBodyBytes;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Explain the routing decision for a chat-completion body (a dry run)",
            description = "Takes the same body and headers as /v1/chat/completions (including x-router-deadline-ms, "
                    + "x-router-max-cost, x-router-min-quality and Cache-Control) and answers with the cache's "
                    + "verdict, the candidates in the order they would be tried, and every candidate's utility "
                    + "terms (predicted quality, cost and latency, the SLA in force, the rules that matched). "
                    + "No backend is called; nothing is charged, counted or recorded.")
    public String explain(InputStream body) {
        ChatCompletionRequest parsed = ChatRequestReader.read(RequestBodies.read(body, maxBodyBytes));
        ChatCompletionRequest full = parsed
                .withCache(CacheControlHeader.merge(request.getHeader("Cache-Control"), parsed.chat().cache()))
                .withHints(RoutingHintHeaders.of(request));
        RoutingDecision decision = router.explain(ApiKeyFilter.caller(request), full.chat(), full.stream());
        return DecisionJson.of(decision)
                .add("object", "route.explanation")
                .add("model", full.chat().model())
                .build().toString();
    }
}
