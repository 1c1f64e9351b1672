package dev.llmrouter.persistence.internal;

import dev.llmrouter.persistence.RoutingStorageException;
import dev.llmrouter.persistence.NameTakenException;
import java.sql.SQLException;

/** Reads PostgreSQL's SQLSTATE so that a taken name is a conflict, not a storage failure. */
final class SqlErrors {

    static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {
    }

    static RuntimeException nameTakenOr(SQLException e, String what) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return new NameTakenException("the name is taken", e);
        }
        return new RoutingStorageException(what, e);
    }
}
