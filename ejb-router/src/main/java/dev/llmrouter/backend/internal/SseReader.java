package dev.llmrouter.backend.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.BiPredicate;

/**
 * Reads a text/event-stream as the HTML spec defines it: fields per line, an event ends at a blank
 * line, several {@code data:} lines join with newlines, comments start with a colon.
 */
public final class SseReader {

    private SseReader() {
    }

    /**
     * Calls the handler with (event name, data) for each event until it returns false or the
     * stream ends. Returns whether the handler stopped the reading.
     */
    public static boolean read(InputStream in, BiPredicate<String, String> handler) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String event = null;
        StringBuilder data = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null && !handler.test(event == null ? "message" : event, data.toString())) {
                    return true;
                }
                event = null;
                data = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if ("data".equals(field)) {
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            } else if ("event".equals(field)) {
                event = value;
            }
        }
        return data != null && !handler.test(event == null ? "message" : event, data.toString());
    }
}
