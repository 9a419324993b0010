package dev.commonhold.gateway;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends a request when its service is down or too slow: a clear 503.
 * A body cut off for its size on the way (BodySizeLimit) ends here too, and is answered as what it is.
 */
@RestController
class FallbackController {

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Object cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (cause == null) { // asked for directly, not forwarded by a breaker: nothing is served here
            return Problems.notFound(exchange);
        }
        if (cause instanceof BodySizeLimit.BodyTooLarge tooLarge) {
            return BodySizeLimit.refuse(exchange, tooLarge.limit());
        }
        exchange.getResponse().getHeaders().set("Retry-After", "30");
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                "The %s service is not answering right now; nothing was changed by this request. Try again in a minute.".formatted(service));
    }
}
