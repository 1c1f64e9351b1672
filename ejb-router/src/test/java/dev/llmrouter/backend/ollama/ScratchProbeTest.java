package dev.llmrouter.backend.ollama;

import dev.llmrouter.backend.*;
import dev.llmrouter.chat.*;
import dev.llmrouter.simulator.*;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import org.junit.jupiter.api.Test;

class ScratchProbeTest {
    static String run(InferenceBackend b, String q, int m) {
        long t = System.nanoTime();
        try {
            List<String> p = new ArrayList<>();
            ChatRequest req = ChatRequest.builder().message(ChatMessage.user(q)).build();
            BackendReply r = m == 0 ? b.chat(req) : b.stream(req, p::add);
            return "OK " + r + " " + p;
        } catch (BackendException e) {
            return e.getClass().getSimpleName() + " status=" + e.upstreamStatus() + " timeout=" + e.isTimeout()
                + " msg=" + e.getMessage() + " cause=" + e.getCause() + " ms=" + (System.nanoTime() - t) / 1000000;
        } catch (Throwable e) {
            return "OTHER " + e;
        }
    }

    @Test
    void probe() throws Exception {
        SimulatorProfile fast = new SimulatorProfile(0, 5000, 12);
        ExecutorService pool = Executors.newCachedThreadPool(r -> { Thread th = new Thread(r); th.setDaemon(true); return th; });
        try (SimulatedUpstream up = SimulatedUpstream.start("127.0.0.1", 0, fast, fast, Set.of("sim-local"), null)) {
            InferenceBackend b = new OllamaBackendFactory().create(new BackendDefinition("x", "ollama", Tier.LOCAL,
                up.ollamaBaseUri(), "sim-local", null, 0, 0, Duration.ofSeconds(2), Duration.ofSeconds(2), true));
            for (String q : List.of("a [[sim malformed=true]]")) {
                for (int mode = 1; mode < 2; mode++) {
                    final int m = mode;
                    Future<String> f = pool.submit(() -> run(b, q, m));
                    String res;
                    try { res = f.get(25, TimeUnit.SECONDS); } catch (TimeoutException te) { res = "HUNG > 25s";
                      Thread.getAllStackTraces().forEach((th, st) -> { StringBuilder sb = new StringBuilder("SCRATCH THREAD " + th.getName() + " " + th.getState()); for (StackTraceElement e : st) sb.append("\nSCRATCH    at " + e); System.out.println(sb); }); }
                    System.out.println("SCRATCH " + q + " mode " + mode + " " + res);
                }
            }
        }
    }
}
