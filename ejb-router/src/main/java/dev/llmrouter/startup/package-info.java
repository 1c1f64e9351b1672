/** What happens once when the application starts: schema migration, first tenant, backends. */
package dev.llmrouter.startup;
