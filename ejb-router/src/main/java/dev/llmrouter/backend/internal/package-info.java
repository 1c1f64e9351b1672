/** Where backend definitions come from: MicroProfile Config, and the built-in simulated upstream. */
package dev.llmrouter.backend.internal;
