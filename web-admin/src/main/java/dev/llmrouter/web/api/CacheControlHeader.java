package dev.llmrouter.web.api;

import dev.llmrouter.chat.CacheOptions;
import dev.llmrouter.web.api.error.ApiException;
import java.util.Locale;

/** Merges a request's {@code Cache-Control} header into the cache options its body gave. */
final class CacheControlHeader {

    private CacheControlHeader() {
    }

    static CacheOptions merge(String header, CacheOptions fromBody) {
        if (header == null || header.isBlank()) {
            return fromBody;
        }
        boolean noCache = fromBody.noCache();
        boolean noStore = fromBody.noStore();
        Long maxAge = fromBody.maxAgeSeconds();
        for (String directive : header.split(",")) {
            String d = directive.strip().toLowerCase(Locale.ROOT);
            if (d.equals("no-cache")) {
                noCache = true;
            } else if (d.equals("no-store")) {
                noStore = true;
            } else if (d.startsWith("max-age=")) {
                maxAge = seconds(d.substring("max-age=".length()));
            }
        }
        return new CacheOptions(noCache, noStore, maxAge, fromBody.ttlSeconds(), fromBody.namespace());
    }

    private static Long seconds(String value) {
        try {
            long seconds = Long.parseLong(value.replace("\"", ""));
            if (seconds >= 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw new ApiException(400, "invalid_request_error", "invalid_value", "Cache-Control",
                "Cache-Control max-age must be a non-negative number of seconds.");
    }
}
