package dev.llmrouter.web.api;

import dev.llmrouter.budget.report.UsageReports;
import dev.llmrouter.route.Caller;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The calling tenant's spend and savings, from the usage ledger; never another tenant's. */
@Path("/v1/usage")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "usage", description = "The calling tenant's spend and savings")
public class UsageResource {

    @Inject
    UsageReports reports;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "Requests, tokens, cost and savings by day and tier (group_by=day) or by tier (group_by=tier)",
            description = "from and to are UTC dates (to inclusive) or instants (to exclusive); by default this "
                    + "month so far. Savings are what the cheapest cloud model would have cost for cache and "
                    + "local answers.")
    public String usage(@QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("group_by") String groupBy) {
        Caller caller = ApiKeyFilter.caller(request);
        UsageReportJson.Query query = UsageReportJson.query(from, to, groupBy, Instant.now());
        return UsageReportJson.of(reports.report(caller.tenantId(), query.from(), query.to(), query.grouping()))
                .toString();
    }
}
