/** Tenant budgets: limit, period, soft limit, spend so far and reservations in flight; set or remove one. */
package dev.llmrouter.web.admin.budgets;
