/**
 * The chat-completion vocabulary shared by the public API, the router and the backends.
 * Part of the EJB client jar: other applications compile against these types.
 */
package dev.llmrouter.chat;
