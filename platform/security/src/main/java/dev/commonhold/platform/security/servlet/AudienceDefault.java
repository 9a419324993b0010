package dev.commonhold.platform.security.servlet;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Services accept only tokens minted for the Commonhold API (the realm's audience mapper adds
 * {@code commonhold-api}); a token Keycloak issued for another application is refused. Lowest
 * precedence, so a service or deployment can still override it.
 */
public class AudienceDefault implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("commonhold-security-defaults",
                Map.of("spring.security.oauth2.resourceserver.jwt.audiences", "commonhold-api")));
    }
}
