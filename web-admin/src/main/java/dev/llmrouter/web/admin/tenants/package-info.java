/** Tenants and their API keys: create, rename, suspend; issue a key (shown once), revoke, rotate. */
package dev.llmrouter.web.admin.tenants;
