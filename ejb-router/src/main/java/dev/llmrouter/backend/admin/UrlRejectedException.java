package dev.llmrouter.backend.admin;

/** A backend URL the router will not call: wrong scheme, credentials in it, or an address it must not reach. */
public class UrlRejectedException extends InvalidBackendException {

    public UrlRejectedException(String message) {
        super("url_not_allowed", "base_url", message);
    }
}
