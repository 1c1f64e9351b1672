package dev.llmrouter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every simulated protocol does around its routes: a client that went away is not an error, an
 * unexpected failure becomes a 500 in the protocol's own error shape, and the exchange is always closed.
 */
abstract class ProtocolHandler implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(ProtocolHandler.class.getName());

    /** The protocol's name, for the log. */
    abstract String protocol();

    /** Serves one request; {@code route} is "METHOD /path". */
    abstract void serve(HttpExchange exchange, String route) throws IOException;

    /** The protocol's body for a 500 the simulator itself caused. */
    abstract JsonNode internalError();

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        try {
            serve(exchange, route);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Client went away during " + route, e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Simulated " + protocol() + " failed on " + route, e);
            if (exchange.getResponseCode() == -1) {
                Replies.json(exchange, 500, internalError());
            }
        } finally {
            exchange.close();
        }
    }
}
