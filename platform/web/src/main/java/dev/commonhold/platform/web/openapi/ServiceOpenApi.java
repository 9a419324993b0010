package dev.commonhold.platform.web.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import java.util.List;

/**
 * The frame of every service's OpenAPI document: the API is reached through the gateway with a
 * Keycloak bearer token. Fixed (no request-derived server URL) so the document checked in under
 * contracts/openapi compares equal on every machine.
 */
public final class ServiceOpenApi {

    private ServiceOpenApi() {
    }

    public static OpenAPI frame(String service) {
        return new OpenAPI()
                .info(new Info().title("Commonhold " + service + " API").version("v1")
                        .description("Errors are RFC 9457 application/problem+json. Lists page by cursor: pass the answer's `next` as `cursor`."))
                .servers(List.of(new Server().url("http://localhost:8080").description("the gateway of the local stack (./run.sh)")))
                .components(new Components().addSecuritySchemes("keycloak", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An access token from the Keycloak realm commonhold")))
                .addSecurityItem(new SecurityRequirement().addList("keycloak"));
    }
}
