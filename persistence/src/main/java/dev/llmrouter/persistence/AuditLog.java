package dev.llmrouter.persistence;

import java.util.List;

/** The append-only audit log of admin writes. */
public interface AuditLog {

    /** Appends one entry inside the caller's transaction, so a write and its audit row commit together. */
    void append(String actor, String action, String target, String detailJson);

    /** Newest first; {@code beforeId} (exclusive) pages backwards, null starts at the newest. */
    List<AuditEntry> list(Long beforeId, int limit);
}
