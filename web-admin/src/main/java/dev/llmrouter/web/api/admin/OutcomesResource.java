package dev.llmrouter.web.api.admin;

import dev.llmrouter.admin.AdminAccounts;
import dev.llmrouter.chat.Tier;
import dev.llmrouter.route.admin.OutcomeImport;
import dev.llmrouter.stats.LabelledOutcome;
import dev.llmrouter.web.api.JsonBodies;
import dev.llmrouter.web.api.error.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /admin/api/outcomes}: import labelled outcomes that teach the quality prediction. */
@Path("/admin/api/outcomes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(AdminAccounts.ADMIN)
@Tag(name = "admin: routing", description = "Routing rules, SLA policies, decisions, labelled outcomes")
@SecurityRequirement(name = "adminBasic")
public class OutcomesResource {

    static final int MAX_BODY_CHARS = 16 * 1024 * 1024;

    @Inject
    OutcomeImport imports;

    @Context
    SecurityContext security;

    @POST
    @Operation(summary = "Import labelled outcomes",
            description = "Body: {\"tenant_id\": optional (none: shared by every tenant), \"outcomes\": [{\"backend\", "
                    + "\"tier\": \"local\"|\"cloud\", \"prompt\", \"score\": 0..1, \"category\": optional}]}, at most "
                    + OutcomeImport.MAX_BATCH + " a request.")
    public String importAll(String body) {
        if (body == null || body.length() > MAX_BODY_CHARS) {
            throw ApiException.invalid(null, "The body must be a JSON object of at most " + MAX_BODY_CHARS
                    + " characters.");
        }
        JsonObject json;
        try {
            json = Json.createReader(new StringReader(body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw ApiException.invalid(null, "The request body is not a JSON object.");
        }
        Long tenantId = JsonBodies.longValue(json, "tenant_id").orElse(null);
        JsonValue listed = json.get("outcomes");
        if (listed == null || listed.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ApiException.invalid("outcomes", "'outcomes' must be an array.");
        }
        JsonArray array = listed.asJsonArray();
        List<LabelledOutcome> batch = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            batch.add(outcome(array.get(i), tenantId, "outcomes[" + i + "]"));
        }
        int stored = imports.importAll(Actors.of(security), tenantId, batch);
        return Json.createObjectBuilder().add("object", "outcomes.import").add("imported", stored).build().toString();
    }

    private static LabelledOutcome outcome(JsonValue value, Long tenantId, String where) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.invalid(where, where + " must be an object.");
        }
        JsonObject o = value.asJsonObject();
        String tierName = JsonBodies.requiredString(o, "tier").toUpperCase(Locale.ROOT);
        if (!tierName.equals("LOCAL") && !tierName.equals("CLOUD")) {
            throw ApiException.invalid(where + ".tier", "'tier' must be 'local' or 'cloud'.");
        }
        double score = JsonBodies.doubleValue(o, "score")
                .orElseThrow(() -> ApiException.invalid(where + ".score", "'score' is required."));
        try {
            return new LabelledOutcome(tenantId, JsonBodies.requiredString(o, "backend"), Tier.valueOf(tierName),
                    JsonBodies.requiredString(o, "prompt"), null, JsonBodies.string(o, "category").orElse(null), score,
                    LabelledOutcome.Source.IMPORT, null);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(where, where + ": " + e.getMessage());
        }
    }
}
