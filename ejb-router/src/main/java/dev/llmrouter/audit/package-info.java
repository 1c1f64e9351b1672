/** The audit trail of admin writes: who changed what, appended in the same transaction as the change. */
package dev.llmrouter.audit;
