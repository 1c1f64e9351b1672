/** Signing in and out of the console through Jakarta Security. */
package dev.llmrouter.web.admin.login;
