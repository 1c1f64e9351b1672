/**
 * Managing backends at run time: the service behind {@code /admin/api/backends} (list with live state,
 * create, update, enable, disable, delete), the checks every administrator-set value passes first (URL
 * rules against server-side request forgery, key references), and the errors it reports. Stored
 * backends reach every router instance through {@link dev.llmrouter.backend.BackendRegistry#refresh()}.
 */
package dev.llmrouter.backend.admin;
