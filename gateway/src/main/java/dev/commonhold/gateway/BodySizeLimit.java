package dev.commonhold.gateway;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Each route takes a body of at most its {@code max-body-size} (route metadata; 1 MB when not set):
 * one declared larger is answered 413 before a byte of it is read or anything is sent on, and one
 * streamed without a length is cut off at the limit while it passes through. The services check
 * again (platform/web), so neither side ever holds more than its limit.
 */
@Component
class BodySizeLimit implements GlobalFilter, Ordered {

    static final String METADATA = "max-body-size";
    private static final DataSize DEFAULT = DataSize.ofMegabytes(1);

    /** Before each route's circuit breaker, so a refused body neither reaches the service nor counts as its failure. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        DataSize limit = limitOf(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR));
        if (exchange.getRequest().getHeaders().getContentLength() > limit.toBytes()) {
            return refuse(exchange, limit);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().doOnNext(buffer -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit.toBytes()) {
                        DataBufferUtils.release(buffer);
                        throw new BodyTooLarge(limit);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build())
                .onErrorResume(BodyTooLarge.class, tooLarge -> refuse(exchange, tooLarge.limit()));
    }

    private static DataSize limitOf(Route route) {
        Object configured = route == null ? null : route.getMetadata().get(METADATA);
        return configured == null ? DEFAULT : DataSize.parse(configured.toString());
    }

    static Mono<Void> refuse(ServerWebExchange exchange, DataSize limit) {
        // The rest of the body is not read: the connection closes after this answer.
        exchange.getResponse().getHeaders().set("Connection", "close");
        return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large",
                "This API takes a body of at most %d bytes (%d MB); send less, or split the file and send the parts one after another."
                        .formatted(limit.toBytes(), limit.toMegabytes()));
    }

    /** A streamed body went past its route's limit. */
    static final class BodyTooLarge extends RuntimeException {
        private final DataSize limit;

        BodyTooLarge(DataSize limit) {
            super("request body over " + limit.toBytes() + " bytes", null, false, false);
            this.limit = limit;
        }

        DataSize limit() {
            return limit;
        }
    }
}
