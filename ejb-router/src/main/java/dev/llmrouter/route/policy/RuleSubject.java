package dev.llmrouter.route.policy;

import java.util.Locale;
import java.util.Map;

/**
 * What rule conditions look at: the tenant, the model the request named, the prompt's category and size,
 * and the request's headers (names in lower case).
 */
public record RuleSubject(long tenantId, String model, String category, int promptTokens,
                          Map<String, String> headers) {

    public RuleSubject {
        headers = headers == null ? Map.of() : headers;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
