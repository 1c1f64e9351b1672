/**
 * Administration of the router: admin users and their roles, and the exceptions every admin write
 * shares (invalid setting, unknown object, name taken). Passwords arrive hashed by the web tier,
 * which owns the container's password hash.
 */
package dev.llmrouter.admin;
