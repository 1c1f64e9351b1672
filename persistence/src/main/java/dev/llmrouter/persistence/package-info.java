/**
 * The router's durable state: JPA entities and small repository interfaces in front of them.
 * It knows nothing of routing; the schema itself is owned by the Flyway scripts in db-migrations.
 */
package dev.llmrouter.persistence;
