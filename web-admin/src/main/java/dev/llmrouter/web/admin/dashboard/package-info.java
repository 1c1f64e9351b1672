/** The dashboard: traffic per tier, cache hit rate, spend and savings, latency, local queues, budget burn. */
package dev.llmrouter.web.admin.dashboard;
