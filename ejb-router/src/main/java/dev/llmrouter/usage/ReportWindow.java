package dev.llmrouter.usage;

import java.time.Duration;
import java.time.Instant;

/** How far back a report looks, and how wide its time buckets are. */
public enum ReportWindow {
    HOUR(Duration.ofHours(1), Duration.ofMinutes(2)),
    DAY(Duration.ofDays(1), Duration.ofHours(1)),
    WEEK(Duration.ofDays(7), Duration.ofHours(6)),
    MONTH(Duration.ofDays(30), Duration.ofDays(1));

    /** Buckets are aligned to this instant, as the database's {@code date_bin} aligns them. */
    static final Instant ORIGIN = Instant.parse("2000-01-01T00:00:00Z");

    private final Duration length;
    private final Duration bucket;

    ReportWindow(Duration length, Duration bucket) {
        this.length = length;
        this.bucket = bucket;
    }

    public Duration length() {
        return length;
    }

    public Duration bucket() {
        return bucket;
    }

    /** The start of the bucket that holds {@code instant}. */
    public Instant bucketStart(Instant instant) {
        long width = bucket.toSeconds();
        long offset = Math.floorDiv(instant.getEpochSecond() - ORIGIN.getEpochSecond(), width) * width;
        return ORIGIN.plusSeconds(offset);
    }

    /** The first bucket of a report ending at {@code now}. */
    public Instant firstBucket(Instant now) {
        return bucketStart(now.minus(length));
    }
}
