package it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;

/** Arranges tenants and keys the way an operator does: through the admin API, as the bootstrap admin. */
public final class Tenants {

    /** A tenant as the admin API created it, with the one full key it was issued. */
    public record Created(long id, String name, String keyId, String key) {
    }

    private Tenants() {
    }

    /** Creates a tenant and returns a working API key for it. */
    public static String createWithKey(String name) {
        return create(name).key();
    }

    public static Created create(String name) {
        AdminClient admin = new AdminClient();
        HttpResponse<String> tenant = admin.post("/admin/api/tenants",
                RouterClient.JSON.createObjectNode().put("name", name).toString());
        if (tenant.statusCode() != 201) {
            throw new AssertionError("could not create tenant " + name + ": " + tenant.statusCode() + " " + tenant.body());
        }
        long id = RouterClient.json(tenant.body()).get("id").asLong();
        HttpResponse<String> key = admin.post("/admin/api/tenants/" + id + "/keys", "{\"name\":\"it\"}");
        if (key.statusCode() != 201) {
            throw new AssertionError("could not create a key for " + name + ": " + key.statusCode() + " " + key.body());
        }
        JsonNode issued = RouterClient.json(key.body());
        return new Created(id, name, issued.get("id").asText(), issued.get("key").asText());
    }
}
