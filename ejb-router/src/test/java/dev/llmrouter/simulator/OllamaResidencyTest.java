package dev.llmrouter.simulator;

import static dev.llmrouter.simulator.UpstreamClient.chatBody;
import static dev.llmrouter.simulator.UpstreamClient.fields;
import static dev.llmrouter.simulator.UpstreamClient.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /api/ps reports what is loaded; keep_alive loads and unloads as on a real Ollama; a cold load costs time. */
class OllamaResidencyTest {

    private SimulatedUpstream upstream;
    private UpstreamClient client;

    @BeforeEach
    void start() {
        upstream = SimulatedUpstream.start("127.0.0.1", 0, new SimulatorProfile(0, 5000, 4),
                new SimulatorProfile(0, 5000, 4), Set.of("small:3b", "large:8b"), null);
        client = new UpstreamClient(upstream);
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    private List<String> running() throws Exception {
        List<String> names = new ArrayList<>();
        parse(client.get("/api/ps", null).body()).get("models").forEach(m -> names.add(m.get("name").asText()));
        return names;
    }

    @Test
    void everyModelStartsLoaded() throws Exception {
        assertEquals(Set.of("small:3b", "large:8b"), Set.copyOf(running()));
    }

    @Test
    void anEmptyChatWithKeepAliveZeroUnloadsOnlyThatModel() throws Exception {
        JsonNode reply = parse(client.ollamaChat("{\"model\":\"large:8b\",\"messages\":[],\"keep_alive\":0}").body());

        assertEquals("unload", reply.get("done_reason").asText());
        assertEquals(List.of("small:3b"), running());
    }

    @Test
    void aCallToAnUnloadedModelPaysAColdLoadAndLoadsIt() throws Exception {
        client.ollamaChat("{\"model\":\"large:8b\",\"messages\":[],\"keep_alive\":\"0s\"}");

        long start = System.nanoTime();
        JsonNode cold = parse(client.ollamaChat(chatBody("large:8b", "Hi", fields().put("stream", false))).body());
        long coldMillis = (System.nanoTime() - start) / 1_000_000;
        JsonNode warm = parse(client.ollamaChat(chatBody("large:8b", "Hi", fields().put("stream", false))).body());

        assertTrue(cold.get("load_duration").asLong() >= Residency.COLD_LOAD.toNanos(), cold.toString());
        assertTrue(coldMillis >= Residency.COLD_LOAD.toMillis(), "took " + coldMillis + " ms");
        assertEquals(0, warm.get("load_duration").asLong());
        assertTrue(running().contains("large:8b"));
        JsonNode entry = parse(client.get("/api/ps", null).body()).at("/models/0");
        assertTrue(OffsetDateTime.parse(entry.get("expires_at").asText()).isAfter(OffsetDateTime.now()));
    }

    @Test
    void anEmptyChatLoadsAModel() throws Exception {
        client.ollamaChat("{\"model\":\"small:3b\",\"messages\":[],\"keep_alive\":0}");

        JsonNode reply = parse(client.ollamaChat("{\"model\":\"small:3b\",\"messages\":[]}").body());

        assertEquals("load", reply.get("done_reason").asText());
        assertTrue(running().contains("small:3b"));
    }

    @Test
    void keepAliveZeroOnARealCallUnloadsAfterAnswering() throws Exception {
        var body = chatBody("small:3b", "Hi", fields().put("stream", false).put("keep_alive", 0));

        assertEquals(200, client.ollamaChat(body).statusCode());
        assertEquals(List.of("large:8b"), running());
    }

    @Test
    void keepAliveReadsSecondsAndGoDurations() {
        assertEquals(Duration.ofSeconds(30), Residency.keepAlive(IntNode.valueOf(30)));
        assertEquals(Duration.ofMinutes(5), Residency.keepAlive(TextNode.valueOf("5m")));
        assertEquals(Duration.ofMinutes(90), Residency.keepAlive(TextNode.valueOf("1h30m")));
        assertEquals(Duration.ofMillis(1500), Residency.keepAlive(TextNode.valueOf("1.5s")));
        assertEquals(Duration.ZERO, Residency.keepAlive(TextNode.valueOf("0")));
        assertTrue(Residency.keepAlive(TextNode.valueOf("-1m")).isNegative());
        assertTrue(Residency.keepAlive(IntNode.valueOf(-1)).isNegative());
        assertNull(Residency.keepAlive(TextNode.valueOf("soon")));
        assertNull(Residency.keepAlive(null));
    }
}
