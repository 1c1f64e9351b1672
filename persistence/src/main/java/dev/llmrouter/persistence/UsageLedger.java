package dev.llmrouter.persistence;

import java.util.List;

public interface UsageLedger {

    /** Appends the record in a transaction of its own, so it is durable when this returns. */
    void append(UsageRecord usageRecord);

    /** Appends the record inside the caller's transaction, so it commits or rolls back with it. */
    void appendWithin(UsageRecord usageRecord);

    List<UsageRecord> findByRequestId(String requestId);
}
