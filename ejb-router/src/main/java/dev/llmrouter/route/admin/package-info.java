/**
 * What operators change about routing: rules, SLA policies and who follows them, labelled outcomes, and
 * the recorded decisions they read. Writes are checked against the acting admin's role and audited.
 */
package dev.llmrouter.route.admin;
