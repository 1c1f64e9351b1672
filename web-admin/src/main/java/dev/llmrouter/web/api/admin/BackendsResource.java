package dev.llmrouter.web.api.admin;

import dev.llmrouter.backend.admin.BackendAdministration;
import dev.llmrouter.backend.admin.BackendView;
import dev.llmrouter.web.api.error.ApiException;
import dev.llmrouter.web.api.error.ErrorBody;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /admin/api/backends}: every backend with its live state on this instance; stored backends
 * can be created, replaced, switched on and off and deleted (router-admin), and every instance picks
 * the change up within seconds. Roles are checked here as well as by the container, so that a
 * deployment without the admin security configured refuses instead of serving.
 */
@Path("/admin/api/backends")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin: backends", description = "Model backends: list with live state, create, change, switch, delete")
public class BackendsResource {

    static final String ADMIN = "router-admin";
    static final String VIEWER = "router-viewer";

    @Inject
    BackendAdministration backends;

    @Context
    SecurityContext security;

    @GET
    @RolesAllowed({ADMIN, VIEWER})
    @Operation(summary = "Every backend with its settings, load, breaker state, model residency and health")
    public String list(@QueryParam("probe") @DefaultValue("true") boolean probe) {
        requireRole(false);
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (BackendView view : backends.list(probe)) {
            data.add(BackendJson.view(view));
        }
        return Json.createObjectBuilder().add("object", "list").add("data", data).build().toString();
    }

    @GET
    @Path("/{name}")
    @RolesAllowed({ADMIN, VIEWER})
    @Operation(summary = "One backend")
    public String get(@PathParam("name") String name, @QueryParam("probe") @DefaultValue("true") boolean probe) {
        requireRole(false);
        return BackendJson.view(backends.get(name, probe)).build().toString();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    @Operation(summary = "Define a backend (stored; every instance routes to it within seconds)")
    public Response create(String body) {
        String actor = requireRole(true);
        BackendView created = backends.create(BackendJson.spec(body), actor);
        return Response.status(Response.Status.CREATED).entity(BackendJson.view(created).build().toString()).build();
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    @Operation(summary = "Replace every setting of a stored backend")
    public String update(@PathParam("name") String name, String body) {
        String actor = requireRole(true);
        return BackendJson.view(backends.update(name, BackendJson.spec(body), actor)).build().toString();
    }

    @POST
    @Path("/{name}/enable")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Route to a stored backend again")
    public String enable(@PathParam("name") String name) {
        return BackendJson.view(backends.setEnabled(name, true, requireRole(true))).build().toString();
    }

    @POST
    @Path("/{name}/disable")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Stop routing to a stored backend, keeping its settings")
    public String disable(@PathParam("name") String name) {
        return BackendJson.view(backends.setEnabled(name, false, requireRole(true))).build().toString();
    }

    @DELETE
    @Path("/{name}")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Delete a stored backend")
    public Response delete(@PathParam("name") String name) {
        backends.delete(name, requireRole(true));
        return Response.noContent().build();
    }

    /** The caller's name, once it holds a role that may do this. */
    private String requireRole(boolean write) {
        Principal caller = security == null ? null : security.getUserPrincipal();
        if (caller == null) {
            throw new ApiException(401, ErrorBody.AUTHENTICATION, "unauthenticated", null,
                    "Sign in with an administrator account.");
        }
        boolean allowed = security.isUserInRole(ADMIN) || (!write && security.isUserInRole(VIEWER));
        if (!allowed) {
            throw new ApiException(403, "permission_error", "forbidden", null,
                    write ? "Changing backends needs the router-admin role." : "Needs an administrator role.");
        }
        return caller.getName();
    }
}
