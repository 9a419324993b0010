package dev.commonhold.gateway;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gives a problem+json body to the errors the HTTP server sends before any of our code runs: a
 * request line over the limit (414), headers over it (431), bytes that are not HTTP (400). Netty
 * answers those with an empty body and no content type; a caller then sees a bare status it cannot
 * explain or report (issue 16, item 6). The request was never read, so the trace id is new: it is
 * logged with the reason, for the operator to find.
 */
final class BareErrorBodies extends ChannelOutboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(BareErrorBodies.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Refusal(String slug, String title, String detail) {
    }

    /** The limits quoted are those of application.yml (server.netty.max-initial-line-length, server.max-http-request-header-size). */
    private static final Map<Integer, Refusal> REFUSALS = Map.of(
            414, new Refusal("uri-too-long", "URL too long", "The request line is longer than the gateway reads (8 KB). Shorten the URL: "
                    + "page with a cursor instead of listing ids in the query, or send long filters in a request body."),
            431, new Refusal("headers-too-large", "Request headers too large", "The request headers are larger than the gateway reads "
                    + "(16 KB). Send only the Authorization header you need; clear stale cookies for this site."),
            413, new Refusal("payload-too-large", "Request too large", "The request is larger than the gateway accepts."));
    private static final Refusal UNREADABLE = new Refusal("malformed-request", "Malformed request",
            "The request could not be read as HTTP. Check the client sends a well-formed HTTP/1.1 request.");

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) throws Exception {
        if (message instanceof FullHttpResponse response && bare(response)) {
            byte[] body = problem(response.status().code());
            response.content().release();
            FullHttpResponse withBody = response.replace(Unpooled.wrappedBuffer(body));
            withBody.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
            withBody.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            withBody.headers().set("Content-Security-Policy", GatewaySecurity.API_CONTENT_SECURITY_POLICY);
            withBody.headers().set("X-Content-Type-Options", "nosniff");
            super.write(ctx, withBody, promise);
            return;
        }
        super.write(ctx, message, promise);
    }

    private static boolean bare(FullHttpResponse response) {
        return response.status().code() >= 400 && !response.content().isReadable() && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
    }

    static byte[] problem(int status) {
        Refusal refusal = REFUSALS.getOrDefault(status, UNREADABLE);
        String traceId = HexFormat.of().formatHex(random16());
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "tag:commonhold.dev,2026:problem/" + refusal.slug());
        problem.put("title", refusal.title());
        problem.put("status", status);
        problem.put("detail", refusal.detail());
        problem.put("traceId", traceId);
        log.warn("refused a request the HTTP server could not read: {} {} (traceId {})", status, refusal.title(), traceId);
        return JSON.writeValueAsBytes(problem);
    }

    private static byte[] random16() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
