/**
 * Who may use the admin API and console: admin users in PostgreSQL (PBKDF2 hashes), roles
 * router-admin and router-viewer, and one authentication mechanism for both HTTP Basic (API clients)
 * and the console's form login. The OpenAI API under /v1 authenticates with tenant keys instead.
 */
package dev.llmrouter.web.security;
