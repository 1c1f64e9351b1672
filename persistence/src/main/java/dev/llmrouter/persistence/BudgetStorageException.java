package dev.llmrouter.persistence;

/** The budget tables could not be read or written; admission must fail closed. */
public class BudgetStorageException extends RuntimeException {

    public BudgetStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
