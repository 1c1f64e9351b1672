package dev.llmrouter.backend.anthropic;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The two Anthropic endpoints the router needs. Bodies stay raw (String in, Response out) so the
 * adapter can read server-sent events as they arrive and map error statuses itself.
 */
public interface AnthropicClient {

    /** The API version every request must name; the wire format below is the one it defines. */
    String VERSION = "2023-06-01";

    @POST
    @Path("/v1/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    Response messages(@HeaderParam("x-api-key") String apiKey,
                      @HeaderParam("anthropic-version") String version,
                      @HeaderParam("Accept") String accept,
                      String body);

    /** Free to call, and it checks the key: the cheapest honest health probe Anthropic offers. */
    @GET
    @Path("/v1/models")
    Response models(@HeaderParam("x-api-key") String apiKey,
                    @HeaderParam("anthropic-version") String version);
}
