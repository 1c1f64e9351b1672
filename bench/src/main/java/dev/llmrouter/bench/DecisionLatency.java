package dev.llmrouter.bench;

import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long the router takes to decide, over HTTP against a running router: {@code POST /v1/route/explain}
 * runs the whole decision of a chat completion (rules, cache lookup with its embedding and pgvector search,
 * prompt profile, quality prediction from the labelled history, ranking) and calls no model. Prompts are
 * real first turns (ShareGPT), each asked once, so every lookup is a cache miss that ranks every backend.
 * Usage: bench/decision-latency --key KEY [--url http://localhost:9080] [--prompts FILE] [--limit N]
 */
public final class DecisionLatency {

    private DecisionLatency() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String url = "http://localhost:9080";
        String key = null;
        Path prompts = EvalData.sharegptPrompts();
        int limit = 300;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--key" -> key = args[++i];
                case "--prompts" -> prompts = Path.of(args[++i]);
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (key == null) {
            throw new IllegalArgumentException("--key is required (a tenant's API key)");
        }
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(prompts).subList(1, Files.readAllLines(prompts).size())) {
            String[] cells = line.split("\t", 2);
            if (cells.length == 2 && !cells[1].isBlank()) {
                texts.add(cells[1].replace("\\n", "\n"));
            }
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        Latencies warm = new Latencies();
        Latencies measured = new Latencies();
        int n = Math.min(limit, texts.size());
        for (int i = 0; i < n; i++) {
            String body = Json.createObjectBuilder().add("model", "auto").add("messages", Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("role", "user").add("content", texts.get(i)))).build().toString();
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/route/explain"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("explain answered " + r.statusCode() + ": " + r.body());
            }
            (i < 20 ? warm : measured).add(start);
        }
        System.out.println("explain, first 20 (warm-up): " + warm.summary());
        System.out.println("explain (the whole decision, no model called), ms: " + measured.summary());
    }
}
