package dev.llmrouter.web.api;

import dev.llmrouter.stats.Feedback;
import dev.llmrouter.web.api.error.ApiException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /v1/feedback}: the caller judges one of its own answers, by the {@code x-request-id} it got.
 * The judgement teaches the tenant's routing (a labelled outcome of the model that answered); an answer
 * judged bad is also removed from the cache.
 */
@Path("/v1/feedback")
@Authenticated
@Tag(name = "routing", description = "Why a request goes where it goes")
public class FeedbackResource {

    static final int MAX_COMMENT_CHARS = 2000;

    @Inject
    Feedback feedback;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Judge an answer",
            description = "Body: {\"request_id\": \"<x-request-id of the answer>\", \"score\": 0..1} or "
                    + "{\"request_id\": ..., \"correct\": true|false}, optionally \"comment\". A repeated judgement "
                    + "replaces the earlier one. Scores below 0.5 also remove the answer from the cache.")
    @APIResponse(responseCode = "200", description = "The judgement was recorded")
    @APIResponse(responseCode = "400", description = "Missing request_id, or neither score nor correct")
    @APIResponse(responseCode = "404", description = "No request of this tenant has that id")
    @APIResponse(responseCode = "409", description = "The request got no answer to judge")
    public String judge(String body) {
        JsonObject json = JsonBodies.object(body);
        String requestId = JsonBodies.requiredString(json, "request_id");
        Optional<Double> score = JsonBodies.doubleValue(json, "score");
        Optional<Boolean> correct = JsonBodies.booleanValue(json, "correct");
        if (score.isPresent() == correct.isPresent()) {
            throw ApiException.invalid("score", "Give either 'score' (0 to 1) or 'correct' (true or false).");
        }
        double value = score.orElseGet(() -> correct.get() ? 1.0 : 0.0);
        if (!(value >= 0 && value <= 1)) {
            throw ApiException.invalid("score", "'score' must be from 0 to 1.");
        }
        String comment = JsonBodies.string(json, "comment").orElse(null);
        if (comment != null && comment.length() > MAX_COMMENT_CHARS) {
            throw ApiException.invalid("comment", "'comment' is longer than " + MAX_COMMENT_CHARS + " characters.");
        }
        Feedback.Judged judged = feedback.judge(ApiKeyFilter.caller(request), requestId, value, comment);
        JsonObjectBuilder answer = Json.createObjectBuilder()
                .add("object", "feedback")
                .add("request_id", judged.requestId())
                .add("model", judged.backend())
                .add("tier", judged.tier().toLowerCase())
                .add("score", judged.score());
        if (judged.removedCacheEntry() != null) {
            answer.add("removed_cache_entry", judged.removedCacheEntry());
        }
        return answer.build().toString();
    }
}
