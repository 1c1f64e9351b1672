/** Query complexity: how hard a prompt looks, from cheap features of its text. */
package dev.llmrouter.classify;
