package dev.commonhold.gateway;

import dev.commonhold.platform.security.VerifiedTokens;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;

/** Boot's reactive decoder (issuer, keys, audience, timestamps), asked only for a token the gateway has not verified before. */
final class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;
    private final VerifiedTokens verified;

    CachingReactiveJwtDecoder(ReactiveJwtDecoder decoder, VerifiedTokens verified) {
        this.decoder = decoder;
        this.verified = verified;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.find(token);
        return known != null ? Mono.just(known) : decoder.decode(token).map(jwt -> verified.remember(token, jwt));
    }

    static BeanPostProcessor wrapper() {
        VerifiedTokens verified = new VerifiedTokens(Clock.systemUTC());
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof CachingReactiveJwtDecoder)
                        ? new CachingReactiveJwtDecoder(decoder, verified) : bean;
            }
        };
    }
}
