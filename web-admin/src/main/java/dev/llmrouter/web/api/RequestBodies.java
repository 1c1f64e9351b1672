package dev.llmrouter.web.api;

import dev.llmrouter.web.api.error.ApiException;
import dev.llmrouter.web.api.error.ErrorBody;
import java.io.IOException;
import java.io.InputStream;

/** Reads a body without ever holding more than the limit in memory. */
final class RequestBodies {

    private RequestBodies() {
    }

    static byte[] read(InputStream in, int limitBytes) {
        try {
            // One byte past the limit tells "exactly at the limit" from "over it".
            byte[] body = in == null ? new byte[0] : in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, limitBytes + 1L));
            if (body.length > limitBytes) {
                throw tooLarge(limitBytes);
            }
            return body;
        } catch (IOException e) {
            throw new ApiException(400, ErrorBody.INVALID_REQUEST, "unreadable_body", null,
                    "The request body could not be read.");
        }
    }

    static ApiException tooLarge(int limitBytes) {
        return new ApiException(413, ErrorBody.INVALID_REQUEST, "request_too_large", null,
                "The request body exceeds the limit of " + limitBytes + " bytes.");
    }
}
