/**
 * The admin API under {@code /admin/api}: JSON over JAX-RS for tenants, keys, budgets, backends, admin users
 * and the audit log. Reads need router-viewer or router-admin, writes router-admin; the acting user
 * is recorded with every write. Thin adapters: the services in ejb-router validate and audit.
 */
package dev.llmrouter.web.api.admin;
