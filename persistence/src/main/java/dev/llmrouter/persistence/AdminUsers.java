package dev.llmrouter.persistence;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Admin users and their roles; password hashes are written here and only read by the identity store. */
public interface AdminUsers {

    List<AdminUser> list();

    Optional<AdminUser> find(String username);

    /** Whether any user exists, disabled or not. */
    boolean any();

    /** Creates the user with its roles; false, and nothing written, when the username is taken. */
    boolean create(String username, String passwordHash, Set<String> roles);

    /** Sets the disabled flag; false when there is no such user. */
    boolean setDisabled(String username, boolean disabled);
}
