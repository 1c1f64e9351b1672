package dev.llmrouter.web.api.admin;

import dev.llmrouter.admin.AdminAccounts;
import dev.llmrouter.route.DecisionJson;
import dev.llmrouter.route.admin.RuleAdministration;
import dev.llmrouter.route.admin.RulePreview;
import dev.llmrouter.route.policy.RoutingRule;
import dev.llmrouter.web.api.JsonBodies;
import dev.llmrouter.web.api.error.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/**
 * {@code /admin/api/routing-rules}: ordered rules that force or forbid tiers and backends, or change the
 * cache, for one tenant or all; and a preview of what a draft rule would change for a sample prompt.
 */
@Path("/admin/api/routing-rules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AdminAccounts.ADMIN, AdminAccounts.VIEWER})
@Tag(name = "admin: routing", description = "Routing rules, SLA policies, decisions, labelled outcomes")
@SecurityRequirement(name = "adminBasic")
public class RoutingRulesResource {

    @Inject
    RuleAdministration rules;

    @Inject
    RulePreview preview;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Every rule, in the order they run (ascending priority)")
    public String list() {
        JsonArrayBuilder data = Json.createArrayBuilder();
        rules.list().forEach(rule -> data.add(RoutingJson.rule(rule)));
        return Json.createObjectBuilder().add("object", "list").add("data", data).build().toString();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One rule")
    public String get(@PathParam("id") long id) {
        return RoutingJson.rule(rules.get(id)).build().toString();
    }

    @POST
    @RolesAllowed(AdminAccounts.ADMIN)
    @Operation(summary = "Create a rule: {\"name\", \"priority\", \"tenant_id\", \"condition\", \"action\", \"enabled\"}")
    public Response create(String body) {
        RoutingRule rule = rules.create(Actors.of(security), RoutingJson.ruleSpec(JsonBodies.object(body)));
        return Response.status(Response.Status.CREATED).entity(RoutingJson.rule(rule).build().toString()).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(AdminAccounts.ADMIN)
    @Operation(summary = "Replace a rule")
    public String update(@PathParam("id") long id, String body) {
        return RoutingJson.rule(rules.update(Actors.of(security), id, RoutingJson.ruleSpec(JsonBodies.object(body))))
                .build().toString();
    }

    @POST
    @Path("/{id}/enable")
    @RolesAllowed(AdminAccounts.ADMIN)
    @Operation(summary = "Enable a rule")
    public String enable(@PathParam("id") long id) {
        return RoutingJson.rule(rules.setEnabled(Actors.of(security), id, true)).build().toString();
    }

    @POST
    @Path("/{id}/disable")
    @RolesAllowed(AdminAccounts.ADMIN)
    @Operation(summary = "Disable a rule, keeping it")
    public String disable(@PathParam("id") long id) {
        return RoutingJson.rule(rules.setEnabled(Actors.of(security), id, false)).build().toString();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(AdminAccounts.ADMIN)
    @Operation(summary = "Delete a rule")
    public Response delete(@PathParam("id") long id) {
        rules.delete(Actors.of(security), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/preview")
    @Operation(summary = "What would happen: explain a sample prompt of a tenant now and with a draft rule",
            description = "Body: {\"tenant_id\", \"prompt\", \"model\" (default auto), \"rule\": optional draft rule "
                    + "(with \"id\" to stand for a stored one)}. Nothing is called, stored or counted.")
    public String preview(String body) {
        JsonObject json = JsonBodies.object(body);
        long tenantId = JsonBodies.longValue(json, "tenant_id")
                .orElseThrow(() -> ApiException.invalid("tenant_id", "'tenant_id' is required."));
        RoutingRule draft = null;
        if (json.containsKey("rule") && json.get("rule").getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject rule = json.getJsonObject("rule");
            long id = JsonBodies.longValue(rule, "id").orElse(0L);
            JsonObject spec = Json.createObjectBuilder(rule).remove("id").build();
            draft = rules.validate(id, RoutingJson.ruleSpec(spec));
        }
        RulePreview.Comparison c = preview.compare(tenantId, JsonBodies.string(json, "model").orElse(null),
                JsonBodies.requiredString(json, "prompt"), draft);
        return Json.createObjectBuilder().add("object", "route.preview")
                .add("now", DecisionJson.of(c.now()))
                .add("with_rule", DecisionJson.of(c.withDraft()))
                .add("changed", !c.now().candidates().equals(c.withDraft().candidates())
                        || c.now().fromCache() != c.withDraft().fromCache())
                .build().toString();
    }
}
