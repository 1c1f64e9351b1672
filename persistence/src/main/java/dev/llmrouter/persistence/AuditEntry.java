package dev.llmrouter.persistence;

import java.time.Instant;

/** One admin write: who did what to which object; {@code detailJson} is a JSON object or null. */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String detailJson) {
}
