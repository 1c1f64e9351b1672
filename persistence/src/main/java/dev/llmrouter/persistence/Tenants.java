package dev.llmrouter.persistence;

import java.util.Optional;

public interface Tenants {

    Optional<Tenant> findByName(String name);

    long count();

    Tenant create(String name);
}
