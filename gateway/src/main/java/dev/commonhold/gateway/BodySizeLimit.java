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
 * streamed without a length stops being passed on at the limit and is answered 413 once sent. The services check
 * again (platform/web), so neither side ever holds more than its limit.
 */
@Component
class BodySizeLimit implements GlobalFilter, Ordered {

    static final String METADATA = "max-body-size";
    private static final DataSize DEFAULT = DataSize.ofMegabytes(1);
    /** How much of a body past its limit is read and dropped so the caller gets the 413 (see {@link #limited}). */
    static final DataSize DRAIN = DataSize.ofMegabytes(64);

    /** Before each route's circuit breaker, so a refused body neither reaches the service nor counts as its failure. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        DataSize limit = limitOf(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR));
        if (exchange.getRequest().getHeaders().getContentLength() > limit.toBytes()) {
            // Nothing of it is read: the connection closes after this answer.
            exchange.getResponse().getHeaders().set("Connection", "close");
            return refuse(exchange, limit);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return limited(super.getBody(), limit.toBytes(), () -> new BodyTooLarge(limit));
            }
        };
        return chain.filter(exchange.mutate().request(counted).build())
                .onErrorResume(BodyTooLarge.class, tooLarge -> refuse(exchange, tooLarge.limit()));
    }

    /**
     * The body up to {@code limit} bytes, then nothing more is passed on. What follows is read and
     * dropped (never held) up to {@link #DRAIN} bytes, and the error comes when the caller has finished
     * sending: closing on a caller still sending makes its system discard our 413 along with the
     * connection (a reset). A caller that goes on past the drain is cut off at once.
     */
    static Flux<DataBuffer> limited(Flux<DataBuffer> body, long limit, java.util.function.Supplier<RuntimeException> tooLarge) {
        AtomicLong seen = new AtomicLong();
        return body.<DataBuffer>handle((buffer, sink) -> {
            long total = seen.addAndGet(buffer.readableByteCount());
            if (total <= limit) {
                sink.next(buffer);
                return;
            }
            DataBufferUtils.release(buffer);
            if (total > limit + DRAIN.toBytes()) {
                sink.error(tooLarge.get());
            }
        }).concatWith(Mono.defer(() -> seen.get() > limit ? Mono.error(tooLarge.get()) : Mono.empty()));
    }

    private static DataSize limitOf(Route route) {
        Object configured = route == null ? null : route.getMetadata().get(METADATA);
        return configured == null ? DEFAULT : DataSize.parse(configured.toString());
    }

    static Mono<Void> refuse(ServerWebExchange exchange, DataSize limit) {
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
