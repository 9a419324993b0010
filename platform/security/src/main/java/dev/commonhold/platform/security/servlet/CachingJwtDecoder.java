package dev.commonhold.platform.security.servlet;

import dev.commonhold.platform.security.VerifiedTokens;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;

/** Boot's decoder (issuer, keys, audience, timestamps), asked only for a token it has not verified before ({@link VerifiedTokens}). */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder decoder;
    private final VerifiedTokens verified;

    CachingJwtDecoder(JwtDecoder decoder, VerifiedTokens verified) {
        this.decoder = decoder;
        this.verified = verified;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.find(token);
        return known != null ? known : verified.remember(token, decoder.decode(token));
    }

    /** Wraps whatever JwtDecoder the application has, keeping its configuration. */
    static BeanPostProcessor wrapper() {
        VerifiedTokens verified = new VerifiedTokens(Clock.systemUTC());
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder) ? new CachingJwtDecoder(decoder, verified) : bean;
            }
        };
    }
}
