package dev.llmrouter.web.api.admin;

import dev.llmrouter.admin.AdminAccounts;
import dev.llmrouter.persistence.SlaPolicy;
import dev.llmrouter.route.admin.SlaAdministration;
import dev.llmrouter.web.api.JsonBodies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /admin/api/sla-policies}: latency target, maximum cost per request, minimum quality and the
 * quality/cost trade-off, with the tenants and keys that follow each ({@link TenantSlaResource}, {@link KeySlaResource}).
 */
@Path("/admin/api/sla-policies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AdminAccounts.ADMIN, AdminAccounts.VIEWER})
@Tag(name = "admin: routing", description = "Routing rules, SLA policies, decisions, labelled outcomes")
@SecurityRequirement(name = "adminBasic")
public class SlaPoliciesResource {

    @Inject
    SlaAdministration policies;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Every SLA policy, with the tenants and keys that follow it")
    public String list() {
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (SlaPolicy p : policies.list()) {
            data.add(RoutingJson.sla(p, policies.followers(p.id())));
        }
        return Json.createObjectBuilder().add("object", "list").add("data", data).build().toString();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One SLA policy")
    public String get(@PathParam("id") long id) {
        return RoutingJson.sla(policies.get(id), policies.followers(id)).build().toString();
    }

    @POST
    @RolesAllowed(AdminAccounts.ADMIN)
    @Operation(summary = "Create: {\"name\", \"latency_target_ms\", \"max_cost_micros\", \"min_quality\", \"cost_weight\"}")
    public Response create(String body) {
        SlaPolicy p = policies.create(Actors.of(security), RoutingJson.slaSpec(JsonBodies.object(body)));
        return Response.status(Response.Status.CREATED).entity(RoutingJson.sla(p, null).build().toString()).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(AdminAccounts.ADMIN)
    @Operation(summary = "Replace a policy's settings")
    public String update(@PathParam("id") long id, String body) {
        SlaPolicy p = policies.update(Actors.of(security), id, RoutingJson.slaSpec(JsonBodies.object(body)));
        return RoutingJson.sla(p, policies.followers(id)).build().toString();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(AdminAccounts.ADMIN)
    @Operation(summary = "Delete a policy nobody follows (409 otherwise)")
    public Response delete(@PathParam("id") long id) {
        policies.delete(Actors.of(security), id);
        return Response.noContent().build();
    }
}
