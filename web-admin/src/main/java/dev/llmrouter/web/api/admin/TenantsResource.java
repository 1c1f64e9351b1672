package dev.llmrouter.web.api.admin;

import dev.llmrouter.web.api.JsonBodies;
import dev.llmrouter.admin.AdminAccounts;
import dev.llmrouter.persistence.Tenant;
import dev.llmrouter.tenant.TenantAdministration;
import dev.llmrouter.tenant.TenantChanges;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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

/** Tenants: create, list, read, change, suspend and re-activate. */
@Path("/admin/api/tenants")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AdminAccounts.ADMIN, AdminAccounts.VIEWER})
@Tag(name = "admin: tenants", description = "Tenants and their settings")
@SecurityRequirement(name = "adminBasic")
public class TenantsResource {

    @Inject
    TenantAdministration tenants;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "List tenants")
    public String list() {
        JsonArrayBuilder data = Json.createArrayBuilder();
        tenants.list().forEach(tenant -> data.add(TenantJson.tenant(tenant)));
        return Json.createObjectBuilder().add("object", "list").add("data", data).build().toString();
    }

    @POST
    @RolesAllowed(AdminAccounts.ADMIN)
    @Operation(summary = "Create a tenant: {\"name\", optional status and cache_* settings}")
    public Response create(String body) {
        TenantChanges settings = TenantJson.changes(JsonBodies.object(body));
        Tenant tenant = tenants.create(Actors.of(security), settings);
        return Response.status(Response.Status.CREATED).entity(TenantJson.tenant(tenant).toString()).build();
    }

    @GET
    @Path("/{tenantId}")
    @Operation(summary = "One tenant")
    public String get(@PathParam("tenantId") long tenantId) {
        return TenantJson.tenant(tenants.get(tenantId)).toString();
    }

    @PATCH
    @Path("/{tenantId}")
    @RolesAllowed(AdminAccounts.ADMIN)
    @Operation(summary = "Change name, status or cache settings; only the fields given change, null resets a cache setting")
    public String update(@PathParam("tenantId") long tenantId, String body) {
        TenantChanges changes = TenantJson.changes(JsonBodies.object(body));
        return TenantJson.tenant(tenants.update(Actors.of(security), tenantId, changes)).toString();
    }

    @POST
    @Path("/{tenantId}/suspend")
    @RolesAllowed(AdminAccounts.ADMIN)
    @Operation(summary = "Suspend: every key of the tenant is refused (401) on /v1 at once")
    public String suspend(@PathParam("tenantId") long tenantId) {
        return TenantJson.tenant(tenants.update(Actors.of(security), tenantId,
                new TenantChanges().status(Tenant.SUSPENDED))).toString();
    }

    @POST
    @Path("/{tenantId}/activate")
    @RolesAllowed(AdminAccounts.ADMIN)
    @Operation(summary = "Re-activate a suspended tenant")
    public String activate(@PathParam("tenantId") long tenantId) {
        return TenantJson.tenant(tenants.update(Actors.of(security), tenantId,
                new TenantChanges().status(Tenant.ACTIVE))).toString();
    }
}
