/**
 * The decisions the router recorded, newest first, and one decision's explanation: every candidate with
 * each term of its utility. {@link dev.llmrouter.web.admin.decisions.Explanation} also renders the rules
 * page's preview, so a previewed and a recorded decision read the same.
 */
package dev.llmrouter.web.admin.decisions;
