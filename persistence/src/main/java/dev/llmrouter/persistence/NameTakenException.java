package dev.llmrouter.persistence;

/** Another rule or policy already has this name (the table's unique constraint said so). */
public class NameTakenException extends RuntimeException {

    public NameTakenException(String message, Throwable cause) {
        super(message, cause);
    }
}
