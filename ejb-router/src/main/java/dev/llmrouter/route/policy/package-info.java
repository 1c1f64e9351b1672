/**
 * How candidates are ranked: one utility, {@code predicted quality - cost weight x predicted cost - SLA
 * weight x seconds late}, bounded by SLA policies, per-request hints and admin-defined routing rules.
 * Everything here is a pure decision over numbers others predicted, so it can be tested and benchmarked
 * without a container.
 */
package dev.llmrouter.route.policy;
