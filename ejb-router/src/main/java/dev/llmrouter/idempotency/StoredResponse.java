package dev.llmrouter.idempotency;

import java.util.Map;

/** The first answer to an idempotent request, exactly as it went out: replayed byte for byte. */
public record StoredResponse(int status, String contentType, Map<String, String> headers, String body) {

    public StoredResponse {
        headers = Map.copyOf(headers);
    }
}
