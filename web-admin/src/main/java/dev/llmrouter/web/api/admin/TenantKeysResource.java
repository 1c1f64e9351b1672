package dev.llmrouter.web.api.admin;

import dev.llmrouter.web.api.JsonBodies;
import dev.llmrouter.admin.AdminAccounts;
import dev.llmrouter.tenant.IssuedKey;
import dev.llmrouter.tenant.TenantAdministration;
import dev.llmrouter.web.api.error.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's API keys. The full key is in the response to create and rotate, and nowhere else, ever:
 * only its id and a salted hash are stored. Responses carrying a key are marked {@code no-store}.
 */
@Path("/admin/api/tenants/{tenantId}/keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AdminAccounts.ADMIN, AdminAccounts.VIEWER})
@Tag(name = "admin: keys", description = "A tenant's API keys")
@SecurityRequirement(name = "adminBasic")
public class TenantKeysResource {

    @Inject
    TenantAdministration tenants;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "List the tenant's keys, revoked ones included (never a secret)")
    public String list(@PathParam("tenantId") long tenantId) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        tenants.keys(tenantId).forEach(key -> data.add(TenantJson.key(key)));
        return Json.createObjectBuilder().add("object", "list").add("data", data).build().toString();
    }

    @POST
    @RolesAllowed(AdminAccounts.ADMIN)
    @Operation(summary = "Create a key ({\"name\"} optional); the response shows it once")
    public Response create(@PathParam("tenantId") long tenantId, String body) {
        String name = body == null || body.isBlank() ? null : JsonBodies.string(JsonBodies.object(body), "name").orElse(null);
        return issued(tenants.createKey(Actors.of(security), tenantId, name), null);
    }

    @POST
    @Path("/{keyId}/revoke")
    @RolesAllowed(AdminAccounts.ADMIN)
    @Operation(summary = "Revoke a key now: refused on /v1 by every router instance from the next request")
    public String revoke(@PathParam("tenantId") long tenantId, @PathParam("keyId") String keyId) {
        return TenantJson.key(tenants.revokeKey(Actors.of(security), tenantId, keyId)).build().toString();
    }

    @POST
    @Path("/{keyId}/rotate")
    @RolesAllowed(AdminAccounts.ADMIN)
    @Operation(summary = "Issue a replacement key (shown once) and revoke this one, at once or after"
            + " {\"grace_seconds\": n}")
    public Response rotate(@PathParam("tenantId") long tenantId, @PathParam("keyId") String keyId, String body) {
        long grace = 0;
        if (body != null && !body.isBlank()) {
            JsonObject root = JsonBodies.object(body);
            grace = JsonBodies.longValue(root, "grace_seconds").orElse(0L);
            if (grace < 0 || grace > TenantAdministration.MAX_GRACE_SECONDS) {
                throw ApiException.invalid("grace_seconds",
                        "'grace_seconds' must be between 0 and " + TenantAdministration.MAX_GRACE_SECONDS + ".");
            }
        }
        return issued(tenants.rotateKey(Actors.of(security), tenantId, keyId, Duration.ofSeconds(grace)), keyId);
    }

    private static Response issued(IssuedKey issued, String replaces) {
        var json = TenantJson.key(issued.key()).add("key", issued.secretKey());
        if (replaces != null) {
            json.add("replaces", replaces);
        }
        return Response.status(Response.Status.CREATED).header("Cache-Control", "no-store")
                .entity(json.build().toString()).build();
    }
}
