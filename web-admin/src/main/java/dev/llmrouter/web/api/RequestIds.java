package dev.llmrouter.web.api;

import java.util.UUID;
import java.util.regex.Pattern;

/** A request id: the caller's {@code x-request-id} when it is a sane token, a fresh one otherwise. */
final class RequestIds {

    static final String HEADER = "x-request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private RequestIds() {
    }

    static String from(String presented) {
        return presented != null && SANE.matcher(presented).matches() ? presented : UUID.randomUUID().toString();
    }
}
