package dev.llmrouter.backend.openai;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The two OpenAI endpoints the router needs. Bodies stay raw (String in, Response out) so the
 * adapter can read server-sent events as they arrive and map error statuses itself.
 */
public interface OpenAiClient {

    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    Response chatCompletions(@HeaderParam("Authorization") String authorization,
                             @HeaderParam("Accept") String accept,
                             String body);

    @GET
    @Path("/models")
    Response models(@HeaderParam("Authorization") String authorization);
}
