package dev.llmrouter.web.api;

import dev.llmrouter.route.RouterService;
import dev.llmrouter.route.RoutingDecision;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
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

/** The plan the router would follow for a chat-completion body, without calling any backend. */
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
            description = "The candidates in the order they would be tried, and why. No backend is called, "
                    + "nothing is charged or recorded.")
    public String explain(InputStream body) {
        ChatCompletionRequest parsed = ChatRequestReader.read(RequestBodies.read(body, maxBodyBytes));
        RoutingDecision decision = router.explain(ApiKeyFilter.caller(request), parsed.chat());
        JsonArrayBuilder candidates = Json.createArrayBuilder();
        int rank = 1;
        for (RoutingDecision.Candidate c : decision.candidates()) {
            candidates.add(Json.createObjectBuilder()
                    .add("rank", rank++)
                    .add("model", c.model())
                    .add("tier", c.tier().name().toLowerCase())
                    .add("simulated", c.simulated()));
        }
        return Json.createObjectBuilder()
                .add("object", "route.explanation")
                .add("model", parsed.chat().model())
                .add("reason", decision.reason())
                .add("candidates", candidates)
                .build().toString();
    }
}
