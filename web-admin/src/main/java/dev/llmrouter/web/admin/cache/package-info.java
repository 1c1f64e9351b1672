/** A tenant's semantic cache: newest entries, search by meaning (similarity neighbours), delete, purge. */
package dev.llmrouter.web.admin.cache;
