package dev.commonhold.gateway;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Where a route's circuit breaker sends a request when its service is down or too slow: a clear 503. */
@RestController
class FallbackController {

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("Retry-After", "30");
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                "The %s service is not answering right now; nothing was changed by this request. Try again in a minute.".formatted(service));
    }
}
