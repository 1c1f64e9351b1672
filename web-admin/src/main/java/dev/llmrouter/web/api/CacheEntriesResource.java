package dev.llmrouter.web.api;

import dev.llmrouter.cache.CacheAdministration;
import dev.llmrouter.persistence.CachedAnswer;
import dev.llmrouter.web.api.error.ApiException;
import dev.llmrouter.web.api.error.ErrorBody;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The calling tenant's semantic-cache entries. */
@Path("/v1/cache/entries")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cache", description = "The calling tenant's semantic cache")
public class CacheEntriesResource {

    static final int MAX_QUERY_LENGTH = 4_000;

    @Inject
    CacheAdministration cache;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "List live entries, newest first, or search them by meaning with q")
    public String list(@QueryParam("q") String query,
                       @QueryParam("limit") @DefaultValue("50") int limit,
                       @QueryParam("offset") @DefaultValue("0") int offset) {
        List<CachedAnswer> found;
        if (query == null || query.isBlank()) {
            found = cache.list(ApiKeyFilter.caller(request), offset, limit);
        } else {
            if (query.length() > MAX_QUERY_LENGTH) {
                throw ApiException.invalid("q", "'q' may be at most " + MAX_QUERY_LENGTH + " characters.");
            }
            found = cache.search(ApiKeyFilter.caller(request), query, limit);
        }
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (CachedAnswer entry : found) {
            JsonObjectBuilder row = Json.createObjectBuilder()
                    .add("id", entry.id())
                    .add("question", entry.question())
                    .add("answer", entry.answer())
                    .add("model", entry.model())
                    .add("created_at", entry.createdAt().toString())
                    .add("expires_at", entry.expiresAt().toString());
            if (query != null && !query.isBlank()) {
                row.add("similarity", entry.similarity());
            }
            data.add(row);
        }
        return Json.createObjectBuilder().add("object", "list").add("data", data).build().toString();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete one entry")
    public Response delete(@PathParam("id") long id) {
        if (!cache.delete(ApiKeyFilter.caller(request), id)) {
            throw new ApiException(404, ErrorBody.NOT_FOUND, "entry_not_found", "id",
                    "No cache entry " + id + " belongs to this tenant.");
        }
        return Response.noContent().build();
    }

    @DELETE
    @Operation(summary = "Delete every entry of the calling tenant")
    public String purge() {
        int deleted = cache.purge(ApiKeyFilter.caller(request));
        return Json.createObjectBuilder().add("deleted", deleted).build().toString();
    }
}
