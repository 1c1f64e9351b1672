/**
 * Routing rules: the ordered list (move, enable, disable, delete), a condition builder that writes the
 * rule's JSON, and a live "what would happen" preview of a sample prompt with and without the rule.
 */
package dev.llmrouter.web.admin.rules;
