package dev.llmrouter.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AdminAuthenticationMechanismTest {

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsAtTheFirstColonSoPasswordsMayContainColons() {
        var credential = AdminAuthenticationMechanism.basicCredential(basic("admin:pa:ss wörd")).orElseThrow();
        assertEquals("admin", credential.getCaller());
        assertEquals("pa:ss wörd", credential.getPasswordAsString());
    }

    @Test
    void refusesMalformedCredentials() {
        assertTrue(AdminAuthenticationMechanism.basicCredential("Basic !!!not-base64").isEmpty());
        assertTrue(AdminAuthenticationMechanism.basicCredential(basic("no-colon")).isEmpty());
        assertTrue(AdminAuthenticationMechanism.basicCredential(basic(":password-without-user")).isEmpty());
        assertTrue(AdminAuthenticationMechanism.basicCredential("Basic ").isEmpty());
    }

    @Test
    void theErrorBodyHasOpenAisShape() {
        JsonObject error = Json.createReader(new StringReader(AdminAuthenticationMechanism.errorBody("no \"way\"")))
                .readObject().getJsonObject("error");
        assertEquals("no \"way\"", error.getString("message"));
        assertEquals("authentication_error", error.getString("type"));
        assertTrue(error.isNull("param"));
        assertEquals("invalid_admin_credentials", error.getString("code"));
    }
}
