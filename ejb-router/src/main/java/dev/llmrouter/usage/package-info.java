/**
 * What the router did, for operators: requests per tier over time, cache hit rate, spend and the
 * savings against the cheapest cloud model, latency per backend, local queues and budget burn.
 * Read from the usage ledger and the budgets; nothing here changes routing.
 */
package dev.llmrouter.usage;
