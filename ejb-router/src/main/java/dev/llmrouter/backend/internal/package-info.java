/**
 * Where backend definitions come from (MicroProfile Config, and the built-in simulated upstream),
 * and the server-sent-events reader the HTTP adapters share.
 */
package dev.llmrouter.backend.internal;
