/**
 * The admin console (Jakarta Faces + PrimeFaces): one small bean per page in a package per feature,
 * and what every page shares: who is signed in and whether they may change anything, messages, money.
 * Beans call ejb-router services only; every change is checked on the server, not only hidden.
 */
package dev.llmrouter.web.admin;
