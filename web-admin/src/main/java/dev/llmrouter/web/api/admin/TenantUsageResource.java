package dev.llmrouter.web.api.admin;

import dev.llmrouter.admin.AdminAccounts;
import dev.llmrouter.budget.report.UsageReports;
import dev.llmrouter.web.api.UsageReportJson;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Any tenant's spend and savings for operators: the same report a tenant gets from GET /v1/usage. */
@Path("/admin/api/tenants/{tenantId}/usage")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AdminAccounts.ADMIN, AdminAccounts.VIEWER})
@Tag(name = "admin: usage", description = "A tenant's spend and savings")
@SecurityRequirement(name = "adminBasic")
public class TenantUsageResource {

    @Inject
    UsageReports reports;

    @GET
    @Operation(summary = "Requests, tokens, cost and savings by day and tier (group_by=day) or by tier (group_by=tier)",
            description = "from and to are UTC dates (to inclusive) or instants (to exclusive); by default this "
                    + "month so far.")
    public String usage(@PathParam("tenantId") long tenantId, @QueryParam("from") String from,
                        @QueryParam("to") String to, @QueryParam("group_by") String groupBy) {
        UsageReportJson.Query query = UsageReportJson.query(from, to, groupBy, Instant.now());
        return UsageReportJson.of(reports.report(tenantId, query.from(), query.to(), query.grouping())).toString();
    }
}
