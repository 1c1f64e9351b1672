/** SLA policies (latency target, maximum cost, minimum quality, cost weight), who follows them, and assigning one to a tenant. */
package dev.llmrouter.web.admin.sla;
