/**
 * The router's public face: {@link dev.llmrouter.route.RouterService}, what it returns and the
 * exceptions it throws. Part of the EJB client jar; the implementation lives in {@code .internal}.
 */
package dev.llmrouter.route;
