package dev.commonhold.platform.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No Micrometer observation around each security filter, authentication and authorization, in every
 * service and the gateway. With an observation registry present (actuator), Spring Security wraps every
 * filter of the chain in one; nothing here reads them (no tracing; {@code http.server.requests} still
 * times every request), and on the busiest paths they cost a tenth of a request's CPU: a profile of
 * billing taking WeChat Pay notifications (JFR, bench/run.sh billing) had 13% of its request-thread
 * samples in observation and Micrometer tag code, most of it the security chain's. A service that
 * wants them back declares its own {@link SecurityObservationSettings}.
 */
@AutoConfiguration
@ConditionalOnClass(SecurityObservationSettings.class)
public class SecurityObservationsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
