/** The RouterService EJB and the pieces it orchestrates: planning, calling, recording. */
package dev.llmrouter.route.internal;
