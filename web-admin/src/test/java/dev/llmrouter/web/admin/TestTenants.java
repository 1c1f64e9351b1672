package dev.llmrouter.web.admin;

import dev.llmrouter.persistence.Tenant;
import java.lang.reflect.Field;

/** Tenants as the database would return them, with their id (the entity has no setter for it). */
public final class TestTenants {

    private TestTenants() {
    }

    public static Tenant withId(long id, String name) {
        Tenant tenant = new Tenant(name);
        try {
            Field field = Tenant.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(tenant, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return tenant;
    }
}
