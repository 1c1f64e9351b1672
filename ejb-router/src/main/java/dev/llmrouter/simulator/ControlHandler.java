package dev.llmrouter.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code GET /_sim/calls?tag=x}: lets tests in another process count how often the upstream was reached. */
final class ControlHandler implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(ControlHandler.class.getName());

    private final CallCounter counter;

    ControlHandler(CallCounter counter) {
        this.counter = counter;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if ("GET".equals(exchange.getRequestMethod()) && "/_sim/calls".equals(exchange.getRequestURI().getPath())) {
                String tag = queryParameter(exchange.getRequestURI().getRawQuery(), "tag");
                ObjectNode body = Replies.JSON.createObjectNode().put("tag", tag).put("calls", counter.count(tag));
                Replies.json(exchange, 200, body);
            } else {
                Replies.text(exchange, 404, "text/plain", "404 page not found");
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "Client went away during a control request", e);
        } finally {
            exchange.close();
        }
    }

    private static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
