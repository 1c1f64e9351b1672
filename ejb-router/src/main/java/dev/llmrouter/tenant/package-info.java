/** Tenants and their API keys: key format, salted hashing, authentication, the first tenant. */
package dev.llmrouter.tenant;
