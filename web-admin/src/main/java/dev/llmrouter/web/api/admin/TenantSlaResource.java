package dev.llmrouter.web.api.admin;

import dev.llmrouter.admin.AdminAccounts;
import dev.llmrouter.route.admin.SlaAdministration;
import dev.llmrouter.web.api.JsonBodies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
 * Which SLA policy a tenant follows. A root resource of its own with the whole path: as a sub-path of the
 * tenants' resource, JAX-RS would pick that class and find no method for it.
 */
@Path("/admin/api/tenants/{tenantId}/sla-policy")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(AdminAccounts.ADMIN)
@Tag(name = "admin: routing", description = "Routing rules, SLA policies, decisions, labelled outcomes")
@SecurityRequirement(name = "adminBasic")
public class TenantSlaResource {

    @Inject
    SlaAdministration policies;

    @Context
    SecurityContext security;

    @PUT
    @Operation(summary = "The tenant follows a policy: {\"policy_id\": n}, or the router's defaults: {\"policy_id\": null}")
    public Response assignTenant(@PathParam("tenantId") long tenantId, String body) {
        policies.assignToTenant(Actors.of(security), tenantId, JsonBodies.longValue(JsonBodies.object(body),
                "policy_id").orElse(null));
        return Response.noContent().build();
    }
}
