/** Recent requests from the usage ledger: where each one went, why, what it cost and how long it took. */
package dev.llmrouter.web.admin.requests;
