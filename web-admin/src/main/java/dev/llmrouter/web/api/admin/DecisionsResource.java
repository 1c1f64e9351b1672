package dev.llmrouter.web.api.admin;

import dev.llmrouter.admin.AdminAccounts;
import dev.llmrouter.persistence.StoredDecision;
import dev.llmrouter.route.admin.DecisionHistory;
import dev.llmrouter.web.api.error.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /admin/api/decisions}: what the router decided for each request, and why. */
@Path("/admin/api/decisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AdminAccounts.ADMIN, AdminAccounts.VIEWER})
@Tag(name = "admin: routing", description = "Routing rules, SLA policies, decisions, labelled outcomes")
@SecurityRequirement(name = "adminBasic")
public class DecisionsResource {

    @Inject
    DecisionHistory history;

    @GET
    @Operation(summary = "Recent decisions, newest first; ?tenant_id=, ?limit= (at most 200), ?before=<id> pages back")
    public String list(@QueryParam("tenant_id") Long tenantId, @QueryParam("before") Long before,
                       @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > DecisionHistory.MAX_PAGE) {
            throw ApiException.invalid("limit", "'limit' must be between 1 and " + DecisionHistory.MAX_PAGE + ".");
        }
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (StoredDecision d : history.recent(tenantId, before, limit)) {
            data.add(RoutingJson.decision(d, false));
        }
        return Json.createObjectBuilder().add("object", "list").add("data", data).build().toString();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One decision with its whole explanation: every candidate's utility terms")
    public String get(@PathParam("id") long id) {
        return RoutingJson.decision(history.get(id), true).build().toString();
    }
}
