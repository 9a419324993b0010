package dev.commonhold.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Errors the gateway itself raises (no route, bad gateway, anything unexpected) as problem+json. */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ResponseStatusException status && status.getStatusCode().value() == 404) {
            return Problems.notFound(exchange);
        }
        if (error instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
            HttpStatus code = HttpStatus.valueOf(status.getStatusCode().value());
            return Problems.write(exchange, code, code == HttpStatus.METHOD_NOT_ALLOWED ? "method-not-allowed" : "malformed-request",
                    code.getReasonPhrase(), status.getReason() == null ? code.getReasonPhrase() : status.getReason());
        }
        log.warn("gateway could not answer {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return Problems.write(exchange, HttpStatus.BAD_GATEWAY, "unavailable", "Bad gateway",
                "The gateway could not get an answer from the service; nothing is known to have changed. Try again.");
    }
}
