package dev.llmrouter.simulator;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the simulated upstream on its own, for benchmarks that need it outside the application server.
 * Usage: {@code [--host H] [--port N] [--models a,b]}; it serves until the process is stopped.
 */
public final class SimulatorMain {

    private static final Logger LOG = Logger.getLogger(SimulatorMain.class.getName());
    private static final int DEFAULT_PORT = 11500;

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String host = "127.0.0.1";
        int port = DEFAULT_PORT;
        Set<String> models = Set.of(SimulatedUpstream.DEFAULT_OLLAMA_MODEL);
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--host" -> host = value(args, ++i);
                    case "--port" -> port = Integer.parseInt(value(args, ++i));
                    case "--models" -> models = new LinkedHashSet<>(Arrays.asList(value(args, ++i).split(",")));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            LOG.log(Level.SEVERE, "{0}; usage: SimulatorMain [--host H] [--port N] [--models a,b]", e.getMessage());
            System.exit(2);
        }
        SimulatedUpstream upstream = SimulatedUpstream.start(host, port, SimulatorProfile.local(),
                SimulatorProfile.cloud(), models, null);
        Runtime.getRuntime().addShutdownHook(new Thread(upstream::close, "simulated-upstream-shutdown"));
        new CountDownLatch(1).await();
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException("missing value for " + args[index - 1]);
        }
        return args[index];
    }
}
