package dev.llmrouter.persistence;

import java.util.List;
import java.util.Optional;

/** Admin-defined routing rules. */
public interface RoutingRules {

    /** Every rule, enabled or not, in the order they run: priority, then id. */
    List<StoredRoutingRule> all();

    Optional<StoredRoutingRule> find(long id);

    /** Stores a new rule (id and time are ignored); returns it as stored. */
    StoredRoutingRule create(StoredRoutingRule rule);

    /** Replaces rule {@code rule.id()}; empty when it does not exist. */
    Optional<StoredRoutingRule> update(StoredRoutingRule rule);

    boolean delete(long id);
}
