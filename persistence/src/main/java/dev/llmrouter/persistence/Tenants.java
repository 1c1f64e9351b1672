package dev.llmrouter.persistence;

import java.util.Optional;

public interface Tenants {

    Optional<Tenant> findByName(String name);

    Optional<Tenant> findById(long id);

    long count();

    Tenant create(String name);
}
