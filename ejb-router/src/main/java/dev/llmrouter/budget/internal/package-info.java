/** How budgets are enforced: worst-case estimates, the admission sequence and the reservation sweeper. */
package dev.llmrouter.budget.internal;
