package dev.llmrouter.web.api.admin;

import dev.llmrouter.admin.AdminAccounts;
import dev.llmrouter.audit.AuditTrail;
import dev.llmrouter.persistence.AuditEntry;
import dev.llmrouter.web.api.error.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log of admin writes, newest first. */
@Path("/admin/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AdminAccounts.ADMIN, AdminAccounts.VIEWER})
@Tag(name = "admin: audit", description = "Who changed what")
@SecurityRequirement(name = "adminBasic")
public class AuditResource {

    @Inject
    AuditTrail audit;

    @GET
    @Operation(summary = "Audit entries, newest first; page with before=<id of the last entry seen>")
    public String list(@QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("before") Long before) {
        if (limit < 1 || limit > AuditTrail.MAX_PAGE) {
            throw ApiException.invalid("limit", "'limit' must be between 1 and " + AuditTrail.MAX_PAGE + ".");
        }
        List<AuditEntry> entries = audit.recent(before, limit);
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (AuditEntry entry : entries) {
            JsonObjectBuilder row = Json.createObjectBuilder()
                    .add("id", entry.id())
                    .add("at", entry.at().toString())
                    .add("actor", entry.actor())
                    .add("action", entry.action());
            if (entry.target() == null) {
                row.addNull("target");
            } else {
                row.add("target", entry.target());
            }
            if (entry.detailJson() == null) {
                row.addNull("detail");
            } else {
                row.add("detail", Json.createReader(new StringReader(entry.detailJson())).readValue());
            }
            data.add(row);
        }
        return Json.createObjectBuilder().add("object", "list").add("data", data).build().toString();
    }
}
