package dev.commonhold.gateway;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Puts {@link BareErrorBodies} into every connection's pipeline, just after the HTTP codec, so the
 * errors Netty sends on its own (a request line or headers over the limits set in application.yml)
 * reach the caller as problem+json like every other error of the gateway.
 */
@Component
class ServerErrorBodies implements NettyServerCustomizer {

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "commonhold.bareErrorBodies", new BareErrorBodies());
            }
        });
    }
}
