package dev.llmrouter.web.api;

import dev.llmrouter.chat.ChatResult;
import dev.llmrouter.chat.RoutingReceipt;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.Locale;

/** The receipt headers: where an answer came from, why, and what it cost. */
final class RouterHeaders {

    private RouterHeaders() {
    }

    static Response.ResponseBuilder receipt(Response.ResponseBuilder builder, RoutingReceipt receipt) {
        if (receipt.cacheSimilarity() != null) {
            builder.header("x-router-cache-similarity", String.format(Locale.ROOT, "%.4f", receipt.cacheSimilarity()));
        }
        if (receipt.cacheEntryId() != null) {
            builder.header("x-router-cache-entry", receipt.cacheEntryId());
        }
        return builder
                .header(RequestIds.HEADER, receipt.requestId())
                .header("x-router-tier", receipt.tier().name().toLowerCase())
                .header("x-router-model", receipt.model())
                .header("x-router-cache-status", receipt.cacheStatus())
                .header("x-router-reason", headerSafe(receipt.reason()))
                .header("x-router-simulated", Boolean.toString(receipt.simulated()));
    }

    static Response.ResponseBuilder cost(Response.ResponseBuilder builder, ChatResult result) {
        return builder
                .header("x-router-cost-usd", usd(result.costMicros()))
                .header("x-router-saved-usd", usd(result.savedMicros()));
    }

    static String usd(long micros) {
        return BigDecimal.valueOf(micros, 6).toPlainString();
    }

    /** Header values must stay printable ASCII on one line. */
    static String headerSafe(String value) {
        StringBuilder safe = new StringBuilder(Math.min(value.length(), 300));
        for (int i = 0; i < value.length() && safe.length() < 300; i++) {
            char c = value.charAt(i);
            safe.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return safe.toString();
    }
}
