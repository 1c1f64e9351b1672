package dev.llmrouter.web.api;

import dev.llmrouter.route.ModelInfo;
import dev.llmrouter.route.RouterService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/models")
@Authenticated
@Tag(name = "models", description = "What a request may name as its model")
public class ModelsResource {

    private static final long CREATED = 1_735_689_600L;

    @Inject
    RouterService router;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List routable models",
            description = "OpenAI's list shape; each entry also says its tier and whether it is simulated.")
    public String list() {
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (ModelInfo model : router.models()) {
            JsonObjectBuilder entry = Json.createObjectBuilder()
                    .add("id", model.id())
                    .add("object", "model")
                    .add("created", CREATED)
                    .add("owned_by", model.simulated() ? "llm-router (simulated)" : "llm-router")
                    .add("description", model.description())
                    .add("simulated", model.simulated());
            if (model.tier() == null) {
                entry.addNull("tier");
            } else {
                entry.add("tier", model.tier().name().toLowerCase());
            }
            data.add(entry);
        }
        return Json.createObjectBuilder().add("object", "list").add("data", data).build().toString();
    }
}
