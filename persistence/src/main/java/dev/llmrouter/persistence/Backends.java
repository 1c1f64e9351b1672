package dev.llmrouter.persistence;

import java.util.List;
import java.util.Optional;

/** Backends defined at run time (admin API); every router instance reads them back periodically. */
public interface Backends {

    /** Every stored backend, enabled or not, by name. */
    List<StoredBackend> all();

    Optional<StoredBackend> find(String name);

    /** @throws BackendNameTakenException if a stored backend already has this name */
    StoredBackend create(StoredBackend backend);

    /** Replaces every setting of the named backend; empty when there is none. */
    Optional<StoredBackend> update(StoredBackend backend);

    /** Empty when there is no such backend. */
    Optional<StoredBackend> setEnabled(String name, boolean enabled);

    boolean delete(String name);
}
