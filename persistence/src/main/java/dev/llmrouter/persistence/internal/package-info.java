/** JPA implementations of the repository interfaces. */
package dev.llmrouter.persistence.internal;
