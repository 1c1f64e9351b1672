package dev.llmrouter.persistence;

public interface DatabaseStatus {

    /** True when the database answers a trivial query within a short time. */
    boolean reachable();

    /** Highest successfully applied schema migration version, or empty if none. */
    java.util.Optional<String> schemaVersion();
}
