package dev.llmrouter.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts chat calls per directive tag, so tests can assert how often a router really reached the upstream. */
final class CallCounter {

    private static final String UNTAGGED = "";

    private final Map<String, AtomicLong> byTag = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();

    /** Records one call and returns its ordinal among calls with the same tag, starting at 1. */
    long record(String tag) {
        total.incrementAndGet();
        return byTag.computeIfAbsent(tag == null ? UNTAGGED : tag, t -> new AtomicLong()).incrementAndGet();
    }

    /** Calls seen with {@code tag}; {@code null} means all calls and {@code ""} the untagged ones. */
    long count(String tag) {
        if (tag == null) {
            return total.get();
        }
        AtomicLong count = byTag.get(tag);
        return count == null ? 0 : count.get();
    }
}
