package dev.llmrouter.web.api.admin;

import dev.llmrouter.web.api.JsonBodies;
import dev.llmrouter.admin.AdminAccounts;
import dev.llmrouter.budget.BudgetAdministration;
import dev.llmrouter.persistence.BudgetAccount;
import dev.llmrouter.web.api.error.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/** A tenant's money budget, in integer micro-USD. */
@Path("/admin/api/tenants/{tenantId}/budget")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AdminAccounts.ADMIN, AdminAccounts.VIEWER})
@Tag(name = "admin: budgets", description = "A tenant's budget")
@SecurityRequirement(name = "adminBasic")
public class TenantBudgetResource {

    @Inject
    BudgetAdministration budgets;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "The budget with what is spent and reserved; {\"unlimited\": true} when there is none")
    public String get(@PathParam("tenantId") long tenantId) {
        return budgets.get(tenantId).map(b -> TenantJson.budget(tenantId, b)).orElse(TenantJson.unlimited(tenantId))
                .toString();
    }

    @PUT
    @RolesAllowed(AdminAccounts.ADMIN)
    @Operation(summary = "Set the budget: {\"limit_micros\", \"soft_limit_micros\" (optional),"
            + " \"period\": NONE|DAILY|WEEKLY|MONTHLY}")
    public String put(@PathParam("tenantId") long tenantId, String body) {
        JsonObject root = JsonBodies.object(body);
        long limit = JsonBodies.longValue(root, "limit_micros")
                .orElseThrow(() -> ApiException.invalid("limit_micros",
                        "'limit_micros' is required."));
        Long soft = JsonBodies.longValue(root, "soft_limit_micros").orElse(null);
        String period = JsonBodies.string(root, "period").orElse(null);
        BudgetAccount account = budgets.put(Actors.of(security), tenantId, limit, soft, period);
        return TenantJson.budget(tenantId, account).toString();
    }

    @DELETE
    @RolesAllowed(AdminAccounts.ADMIN)
    @Operation(summary = "Remove the budget: the tenant becomes unlimited")
    public Response delete(@PathParam("tenantId") long tenantId) {
        budgets.delete(Actors.of(security), tenantId);
        return Response.noContent().build();
    }
}
