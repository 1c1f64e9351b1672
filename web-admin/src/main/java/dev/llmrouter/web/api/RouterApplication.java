package dev.llmrouter.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@ApplicationPath("/")
@OpenAPIDefinition(
        info = @Info(title = "LLM Latency Optimizer", version = "0.1",
                description = "OpenAI-compatible API of an LLM inference router: semantic cache, local models, cloud APIs."),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A tenant API key (llmr_...)")
@SecurityScheme(securitySchemeName = "adminBasic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "An admin user (router-admin or router-viewer) of the admin API /admin/api")
public class RouterApplication extends Application {
}
