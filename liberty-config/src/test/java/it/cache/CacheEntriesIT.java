package it.cache;

import static it.support.RouterClient.chatBody;
import static it.support.RouterClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.support.RouterClient;
import it.support.Tenants;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A tenant manages its own cache entries, and only its own. */
class CacheEntriesIT {

    private final RouterClient client = new RouterClient();

    @Test
    void listSearchDeleteAndPurgeStayInsideTheTenant() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String owner = Tenants.createWithKey("it-cache-owner-" + suffix);
        String stranger = Tenants.createWithKey("it-cache-stranger-" + suffix);
        assertEquals(200, client.postChat(chatBody("sim-local", "How do I bake sourdough bread?", false, false),
                owner, null).statusCode());
        assertEquals(200, client.postChat(chatBody("sim-local", "Which planet is closest to the sun?", false, false),
                owner, null).statusCode());

        JsonNode listed = json(client.get("/v1/cache/entries", owner).body()).get("data");
        assertEquals(2, listed.size());
        assertEquals(0, json(client.get("/v1/cache/entries", stranger).body()).get("data").size());

        String query = URLEncoder.encode("sourdough bread recipe", StandardCharsets.UTF_8);
        JsonNode found = json(client.get("/v1/cache/entries?limit=1&q=" + query, owner).body()).get("data");
        assertEquals("How do I bake sourdough bread?", found.get(0).get("question").asText());
        assertTrue(found.get(0).get("similarity").asDouble() > 0.5);

        long id = found.get(0).get("id").asLong();
        HttpResponse<String> foreignDelete = client.delete("/v1/cache/entries/" + id, stranger);
        assertEquals(404, foreignDelete.statusCode(), foreignDelete.body());
        assertEquals(204, client.delete("/v1/cache/entries/" + id, owner).statusCode());
        assertEquals(1, json(client.get("/v1/cache/entries", owner).body()).get("data").size());

        HttpResponse<String> purged = client.delete("/v1/cache/entries", owner);
        assertEquals(1, json(purged.body()).get("deleted").asInt());
        assertEquals(0, json(client.get("/v1/cache/entries", owner).body()).get("data").size());
    }

    @Test
    void needsAKey() {
        assertEquals(401, client.get("/v1/cache/entries", null).statusCode());
    }
}
