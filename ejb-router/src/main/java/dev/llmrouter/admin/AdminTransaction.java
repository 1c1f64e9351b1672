package dev.llmrouter.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs an admin write together with its audit row in one transaction. Services check the request
 * (role, fields, existence) before they call it, so that refusals never start, or roll back, a
 * transaction: the container records every exception that escapes one as a failure incident.
 */
@ApplicationScoped
public class AdminTransaction {

    @Transactional
    public <T> T run(Supplier<T> write) {
        return write.get();
    }
}
