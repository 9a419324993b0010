package dev.commonhold.gateway.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.net.URI;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * The portal's single page lives at /portal/ (its files in the portal module, served as static
 * resources under /portal/**); the bare address sends people there.
 */
@Configuration(proxyBeanMethods = false)
class PortalPages {

    private static final ClassPathResource INDEX = new ClassPathResource("commonhold-portal/index.html");

    @Bean
    RouterFunction<ServerResponse> portalEntry() {
        return RouterFunctions.route(GET("/"), request -> ServerResponse.seeOther(URI.create("/portal/")).build())
                .andRoute(GET("/portal"), request -> ServerResponse.seeOther(URI.create("/portal/")).build())
                .andRoute(GET("/portal/").or(org.springframework.web.reactive.function.server.RequestPredicates.HEAD("/portal/")), request -> ServerResponse.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8)).bodyValue(INDEX));
    }
}
