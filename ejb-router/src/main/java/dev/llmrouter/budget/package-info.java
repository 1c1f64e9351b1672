/**
 * Per-tenant budgets in integer micro-USD: reserve the worst case before a paid backend is called,
 * settle the real cost after it, release what a failed call did not use, roll periods forward.
 */
package dev.llmrouter.budget;
