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

/** Which SLA policy one key follows, instead of its tenant's (the whole path: see {@link TenantSlaResource}). */
@Path("/admin/api/tenants/{tenantId}/keys/{keyId}/sla-policy")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(AdminAccounts.ADMIN)
@Tag(name = "admin: routing", description = "Routing rules, SLA policies, decisions, labelled outcomes")
@SecurityRequirement(name = "adminBasic")
public class KeySlaResource {

    @Inject
    SlaAdministration policies;

    @Context
    SecurityContext security;

    @PUT
    @Operation(summary = "One key follows its own policy: {\"policy_id\": n}, or its tenant's again: null")
    public Response assignKey(@PathParam("tenantId") long tenantId, @PathParam("keyId") String keyId, String body) {
        policies.assignToKey(Actors.of(security), tenantId, keyId, JsonBodies.longValue(JsonBodies.object(body),
                "policy_id").orElse(null));
        return Response.noContent().build();
    }
}
