package dev.llmrouter.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * An HTTP server that answers like Ollama (under {@code /api}), like OpenAI (under {@code /v1}) and like Anthropic
 * (under {@code /anthropic/v1}) with deterministic, clearly labelled simulated answers. Timing and faults are set
 * per request through {@code [[sim ...]]} directives in the last user message, so concurrent tests never share knobs.
 */
public final class SimulatedUpstream implements AutoCloseable {

    /** The model the Ollama side knows when no other set is given. */
    public static final String DEFAULT_OLLAMA_MODEL = "sim-local";

    private static final Logger LOG = Logger.getLogger(SimulatedUpstream.class.getName());

    private final HttpServer server;
    private final String uriHost;
    private final CallCounter counter;
    private final Pacer pacer;
    private final ExecutorService ownedExecutor;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SimulatedUpstream(HttpServer server, String uriHost, CallCounter counter, Pacer pacer,
                              ExecutorService ownedExecutor) {
        this.server = server;
        this.uriHost = uriHost;
        this.counter = counter;
        this.pacer = pacer;
        this.ownedExecutor = ownedExecutor;
    }

    /**
     * Starts with the single Ollama model {@value #DEFAULT_OLLAMA_MODEL} and a private pool of daemon threads.
     *
     * @param port 0 for an ephemeral port
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static SimulatedUpstream start(String host, int port, SimulatorProfile localDefaults,
                                          SimulatorProfile cloudDefaults) {
        return start(host, port, localDefaults, cloudDefaults, Set.of(DEFAULT_OLLAMA_MODEL), null);
    }

    /**
     * Starts the server.
     *
     * @param localDefaults timing and length for the Ollama endpoints
     * @param cloudDefaults timing and length for the OpenAI and Anthropic endpoints
     * @param ollamaModels  model names the Ollama side serves; others get Ollama's 404 (the OpenAI side accepts any)
     * @param executor      runs the handlers and must allow one thread per concurrent stream; {@code null} for a
     *                      private cached pool of daemon threads that {@link #close()} shuts down. A caller's
     *                      executor is left running.
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static SimulatedUpstream start(String host, int port, SimulatorProfile localDefaults,
                                          SimulatorProfile cloudDefaults, Set<String> ollamaModels,
                                          Executor executor) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(localDefaults, "localDefaults");
        Objects.requireNonNull(cloudDefaults, "cloudDefaults");
        Objects.requireNonNull(ollamaModels, "ollamaModels");
        CallCounter counter = new CallCounter();
        Pacer pacer = new Pacer();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind simulated upstream to " + host + ":" + port, e);
        }
        // Ollama owns the root: real Ollama answers "/" and gives its plain-text 404 for any unknown path.
        server.createContext("/", new OllamaHandler(ollamaModels, localDefaults, counter, pacer));
        server.createContext("/v1/", new OpenAiHandler(cloudDefaults, counter, pacer));
        server.createContext(AnthropicHandler.PREFIX + "/", new AnthropicHandler(cloudDefaults, counter, pacer));
        server.createContext("/_sim/", new ControlHandler(counter));
        ExecutorService owned = executor == null ? Executors.newCachedThreadPool(new DaemonThreads()) : null;
        server.setExecutor(executor == null ? owned : executor);
        server.start();
        SimulatedUpstream upstream = new SimulatedUpstream(server, uriHost(host), counter, pacer, owned);
        LOG.info(() -> "Simulated upstream started: Ollama at " + upstream.ollamaBaseUri()
                + ", OpenAI at " + upstream.openAiBaseUri() + ", Anthropic at " + upstream.anthropicBaseUri()
                + ", Ollama models " + ollamaModels);
        return upstream;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Base URI for Ollama clients, e.g. {@code http://127.0.0.1:11500}. */
    public URI ollamaBaseUri() {
        return URI.create("http://" + uriHost + ":" + port());
    }

    /** Base URI for OpenAI-compatible clients, e.g. {@code http://127.0.0.1:11500/v1}. */
    public URI openAiBaseUri() {
        return URI.create(ollamaBaseUri() + "/v1");
    }

    /** Base URI for Anthropic clients, which add {@code /v1/messages}: {@code http://127.0.0.1:11500/anthropic}. */
    public URI anthropicBaseUri() {
        return URI.create(ollamaBaseUri() + AnthropicHandler.PREFIX);
    }

    /**
     * Chat calls received with directive {@code tag=<tag>}, counted on arrival even if they are then rejected;
     * {@code null} counts every chat call on every protocol.
     */
    public long calls(String tag) {
        return counter.count(tag);
    }

    /** Stops at once; streams that are stalled or pacing their tokens end immediately. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        pacer.close();
        server.stop(0);
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
        }
        LOG.info(() -> "Simulated upstream on port " + port() + " stopped");
    }

    /** A wildcard bind address is not something a client can connect to, so the URIs name loopback instead. */
    private static String uriHost(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            if (address.isAnyLocalAddress()) {
                return address.getAddress().length == 4 ? "127.0.0.1" : "[::1]";
            }
        } catch (UnknownHostException e) {
            return host;
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "simulated-upstream-" + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
