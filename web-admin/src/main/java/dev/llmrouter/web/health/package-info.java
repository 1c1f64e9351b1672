/** MicroProfile Health checks: readiness needs the migrated database and at least one serving backend. */
package dev.llmrouter.web.health;
