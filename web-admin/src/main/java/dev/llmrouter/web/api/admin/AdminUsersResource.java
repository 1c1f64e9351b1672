package dev.llmrouter.web.api.admin;

import dev.llmrouter.web.api.JsonBodies;
import dev.llmrouter.admin.AdminAccounts;
import dev.llmrouter.persistence.AdminUser;
import dev.llmrouter.web.security.AdminPasswords;
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
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin users: create one with a role, list them, disable or re-enable one. Never shows a password hash. */
@Path("/admin/api/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(AdminAccounts.ADMIN)
@Tag(name = "admin: users", description = "Who may use the admin API and console")
@SecurityRequirement(name = "adminBasic")
public class AdminUsersResource {

    @Inject
    AdminAccounts accounts;

    @Inject
    AdminPasswords passwords;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "List admin users and their roles")
    public String list() {
        JsonArrayBuilder data = Json.createArrayBuilder();
        accounts.list().forEach(user -> data.add(json(user)));
        return Json.createObjectBuilder().add("object", "list").add("data", data).build().toString();
    }

    @POST
    @Operation(summary = "Create an admin user: {\"username\",\"password\",\"role\":\"router-admin|router-viewer\"}")
    public Response create(String body) {
        JsonObject root = JsonBodies.object(body);
        String username = JsonBodies.requiredString(root, "username");
        String role = JsonBodies.requiredString(root, "role");
        String hash = passwords.hash("password", JsonBodies.requiredString(root, "password"));
        AdminUser user = accounts.create(Actors.of(security), username, hash, role);
        return Response.status(Response.Status.CREATED).entity(json(user).toString()).build();
    }

    @POST
    @Path("/{username}/disable")
    @Operation(summary = "Disable a user: it can no longer log in (existing console sessions end when they expire)")
    public String disable(@PathParam("username") String username) {
        return json(accounts.setDisabled(Actors.of(security), username, true)).toString();
    }

    @POST
    @Path("/{username}/enable")
    @Operation(summary = "Re-enable a disabled user")
    public String enable(@PathParam("username") String username) {
        return json(accounts.setDisabled(Actors.of(security), username, false)).toString();
    }

    static JsonObject json(AdminUser user) {
        JsonArrayBuilder roles = Json.createArrayBuilder();
        new TreeSet<>(user.roles()).forEach(roles::add);
        return Json.createObjectBuilder()
                .add("object", "admin_user")
                .add("username", user.username())
                .add("roles", roles)
                .add("disabled", user.disabled())
                .add("created_at", user.createdAt().toString())
                .build();
    }
}
