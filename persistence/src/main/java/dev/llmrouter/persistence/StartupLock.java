package dev.llmrouter.persistence;

import java.util.function.Supplier;

/** Runs start-up work under a database-wide lock, so instances starting together do it once. */
public interface StartupLock {

    <T> T callLocked(String lockName, Supplier<T> work);
}
