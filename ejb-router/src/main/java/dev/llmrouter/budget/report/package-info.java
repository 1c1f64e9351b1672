/**
 * Spend and savings per tenant and period, summed from the usage ledger: what was answered, refused and
 * charged, by day and tier, and what cache and local answers saved against the cheapest cloud model.
 */
package dev.llmrouter.budget.report;
