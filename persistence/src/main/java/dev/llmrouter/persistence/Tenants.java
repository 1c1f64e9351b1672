package dev.llmrouter.persistence;

import java.util.List;
import java.util.Optional;

public interface Tenants {

    Optional<Tenant> findByName(String name);

    Optional<Tenant> findById(long id);

    long count();

    Tenant create(String name);

    /** Every tenant, oldest first. */
    List<Tenant> list();

    /** Writes a changed tenant back. */
    Tenant update(Tenant tenant);
}
