package dev.llmrouter.web.api;

import dev.llmrouter.idempotency.IdempotencyKeys;
import dev.llmrouter.idempotency.StoredResponse;
import dev.llmrouter.web.api.error.ApiException;
import dev.llmrouter.web.api.error.ErrorBody;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The HTTP side of Idempotency-Key: the header, the refusals, and answers captured and replayed as they went out. */
final class IdempotentReplies {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAY_HEADER = "x-router-idempotent-replay";

    private IdempotentReplies() {
    }

    /** The key as presented, or a 400 when it is not 1 to 255 printable ASCII characters without spaces. */
    static String key(String header) {
        if (!IdempotencyKeys.wellFormed(header)) {
            throw new ApiException(400, ErrorBody.INVALID_REQUEST, "invalid_idempotency_key", null,
                    "The Idempotency-Key header must be 1 to " + IdempotencyKeys.MAX_KEY_LENGTH
                            + " printable ASCII characters without spaces.");
        }
        return header;
    }

    /** 409: a request with this key is still running; retrying later gets its answer. */
    static ApiException inUse() {
        return new ApiException(409, ErrorBody.INVALID_REQUEST, "idempotency_key_in_use", null,
                "A request with this Idempotency-Key is still being processed; retry after it completed.");
    }

    /** 422: the key belongs to another request body. */
    static ApiException reused() {
        return new ApiException(422, ErrorBody.INVALID_REQUEST, "idempotency_key_reused", null,
                "This Idempotency-Key was already used with a different request body; use a new key.");
    }

    /** The stored answer, marked as a replay. */
    static Response replay(StoredResponse stored) {
        Response.ResponseBuilder response = Response.status(stored.status()).entity(stored.body())
                .type(stored.contentType());
        stored.headers().forEach(response::header);
        return response.header(REPLAY_HEADER, "true").build();
    }

    /** A JSON answer as it will go out: status, type, the headers we set, and the body. */
    static StoredResponse capture(Response response) {
        return new StoredResponse(response.getStatus(), response.getMediaType().toString(),
                headers(response.getStringHeaders()), (String) response.getEntity());
    }

    /** The headers the router sets (receipt and cost), not the container's framing ones. */
    static Map<String, String> headers(MultivaluedMap<String, String> all) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : all.entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if ((name.startsWith("x-") || name.equals("cache-control")) && !header.getValue().isEmpty()) {
                kept.put(name, header.getValue().get(0));
            }
        }
        return kept;
    }
}
