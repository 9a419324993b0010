package dev.commonhold.platform.security.servlet;

import dev.commonhold.platform.security.KeycloakAuthorities;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every servlet service: a stateless OAuth2 resource server for Keycloak tokens (audience
 * {@code commonhold-api}); health and the OpenAPI document are open, everything else needs a token;
 * 401 and 403 are problem+json like every other error. {@code commonhold.security.public-paths} lists
 * the few endpoints that authenticate their callers otherwise (payment channels sign their
 * notifications); each such endpoint must verify that signature itself.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "dev.commonhold.platform.web.problem.ProblemException")
@Import({ViewerWebConfiguration.class, SecurityProblems.class})
public class ServletSecurityAutoConfiguration {

    /** Right after the traceparent (platform/web), before security: a path read two ways is refused whoever asks. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<AmbiguousPathFilter> ambiguousPathFilter(JsonMapper json) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new AmbiguousPathFilter(json));
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** A bearer token sent again is not verified again until it expires (VerifiedTokens). */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor cachingJwtDecoder() {
        return CachingJwtDecoder.wrapper();
    }

    /** Key fetches that tell Keycloak's trusted-proxy check they stand for HTTPS (KeyFetches); only on a server. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty("commonhold.security.jwk-set-forwarded-proto")
    org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer keyFetches(Environment environment) {
        return KeyFetches.forwardedProto(environment.getRequiredProperty("commonhold.security.jwk-set-forwarded-proto"));
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json, Environment environment) throws Exception {
        String[] signedElsewhere = environment.getProperty("commonhold.security.public-paths", String[].class, new String[0]);
        ProblemAnswers answers = new ProblemAnswers(json);
        JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
        tokens.setJwtGrantedAuthoritiesConverter(new KeycloakAuthorities());
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/error").permitAll()
                        .requestMatchers(signedElsewhere).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(answers).accessDeniedHandler(answers))
                .exceptionHandling(e -> e.authenticationEntryPoint(answers).accessDeniedHandler(answers))
                .build();
    }
}
