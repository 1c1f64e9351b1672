package dev.llmrouter.persistence;

/** A stored backend with this name exists already (the table's unique constraint said so). */
public class BackendNameTakenException extends RuntimeException {

    public BackendNameTakenException(String name, Throwable cause) {
        super("a backend named '" + name + "' exists already", cause);
    }
}
