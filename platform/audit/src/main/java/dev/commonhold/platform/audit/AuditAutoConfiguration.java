package dev.commonhold.platform.audit;

import dev.commonhold.platform.messaging.outbox.Outbox;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;

/** Every service with an outbox records its audited calls (the source is its application name). */
@AutoConfiguration(afterName = "dev.commonhold.platform.messaging.MessagingAutoConfiguration")
@ConditionalOnBean(Outbox.class)
public class AuditAutoConfiguration {

    @Bean
    AuditTrail auditTrail(Outbox outbox, PlatformTransactionManager transactions) {
        return new OutboxAuditTrail(outbox, transactions);
    }

    @Bean
    WebMvcConfigurer auditInterceptorRegistration(AuditTrail trail, Environment environment, org.springframework.beans.factory.ObjectProvider<Clock> clock) {
        AuditInterceptor interceptor = new AuditInterceptor(trail, environment.getProperty("spring.application.name", "commonhold"),
                clock.getIfAvailable(Clock::systemUTC));
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor).addPathPatterns("/api/**");
            }
        };
    }
}
