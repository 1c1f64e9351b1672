package dev.llmrouter.web.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Text as forms hand it in and as tables show it. */
public final class FormText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm:ss", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private FormText() {
    }

    /** A field's text without surrounding blanks; null for an empty or blank field. */
    public static String orNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** "Mar 10 12:07:30" in UTC; "" when there is no time. */
    public static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }
}
