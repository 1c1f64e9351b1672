package dev.llmrouter.persistence;

import java.util.List;

public interface UsageLedger {

    /** Appends the record in a transaction of its own, so it is durable when this returns. */
    void append(UsageRecord usageRecord);

    List<UsageRecord> findByRequestId(String requestId);
}
