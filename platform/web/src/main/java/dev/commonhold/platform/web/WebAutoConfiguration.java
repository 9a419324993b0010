package dev.commonhold.platform.web;

import dev.commonhold.platform.web.idempotency.IdempotencyFilter;
import dev.commonhold.platform.web.idempotency.IdempotencyStore;
import dev.commonhold.platform.web.idempotency.IdempotencyWebConfiguration;
import dev.commonhold.platform.web.limits.BodySizeLimitFilter;
import dev.commonhold.platform.web.problem.ProblemErrorController;
import dev.commonhold.platform.web.problem.ProblemHandler;
import dev.commonhold.platform.web.problem.ProblemReportValve;
import dev.commonhold.platform.web.trace.TraceparentFilter;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import org.springframework.util.unit.DataSize;

/** The shared HTTP edge of every servlet service. */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(IdempotencyWebConfiguration.class)
public class WebAutoConfiguration {

    /** First of all, so every answer carries them, however early it is decided (ApiHeaders). */
    @Bean
    FilterRegistrationBean<dev.commonhold.platform.web.headers.ApiHeaders> apiHeaders() {
        FilterRegistrationBean<dev.commonhold.platform.web.headers.ApiHeaders> registration =
                new FilterRegistrationBean<>(new dev.commonhold.platform.web.headers.ApiHeaders());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Before anything reads a header or a body: a Content-Type that names no one type is a 415, not a 500 (ContentTypeCheck). */
    @Bean
    FilterRegistrationBean<dev.commonhold.platform.web.headers.ContentTypeCheck> contentTypeCheck(JsonMapper json) {
        FilterRegistrationBean<dev.commonhold.platform.web.headers.ContentTypeCheck> registration =
                new FilterRegistrationBean<>(new dev.commonhold.platform.web.headers.ContentTypeCheck(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Before anything binds a query parameter: each given once, none with a control character (QueryParameterCheck). */
    @Bean
    FilterRegistrationBean<QueryParameterCheck> queryParameterCheck(JsonMapper json) {
        FilterRegistrationBean<QueryParameterCheck> registration = new FilterRegistrationBean<>(new QueryParameterCheck(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Before security, so even a 401 carries the trace id. */
    @Bean
    FilterRegistrationBean<TraceparentFilter> traceparentFilter() {
        FilterRegistrationBean<TraceparentFilter> registration = new FilterRegistrationBean<>(new TraceparentFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Before security and anything else that reads a body: no path takes more than its limit
     * (1 MB unless a service says otherwise; its file uploads up to 32 MB), so one huge upload
     * cannot fill a service's heap (problem type payload-too-large).
     */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(org.springframework.core.env.Environment environment, JsonMapper json) {
        Binder binder = Binder.get(environment);
        DataSize body = binder.bind("commonhold.web.max-body-size", DataSize.class).orElse(DataSize.ofMegabytes(1));
        DataSize upload = binder.bind("commonhold.web.max-upload-size", DataSize.class).orElse(DataSize.ofMegabytes(32));
        List<String> uploads = binder.bind("commonhold.web.upload-paths", Bindable.listOf(String.class)).orElse(List.of());
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(body, upload, uploads, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** After security (order -100), so the key is scoped to the authenticated caller. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcTemplate jdbc, TransactionTemplate transaction, JsonMapper json) {
        IdempotencyStore store = new IdempotencyStore(jdbc, Duration.ofDays(7));
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(store, transaction, json));
        registration.setOrder(0);
        return registration;
    }

    @Bean
    io.swagger.v3.oas.models.OpenAPI serviceOpenApi(org.springframework.core.env.Environment environment) {
        return dev.commonhold.platform.web.openapi.ServiceOpenApi.frame(environment.getProperty("spring.application.name", "service"));
    }

    @Bean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }

    /** Errors decided outside Spring MVC (a filter's sendError, the firewall) answer problem+json too, in place of Boot's shape. */
    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /** And those Tomcat decides before the application sees the request. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports() {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                ProblemReportValve.install((Host) context.getParent());
            }
        }));
    }

    @Bean
    dev.commonhold.platform.web.problem.ProblemTracing problemTracing() {
        return new dev.commonhold.platform.web.problem.ProblemTracing();
    }

    /**
     * Request bodies are read as written, never guessed at: an unknown field, a fraction where a
     * whole number is expected (100.5 for amountFen must not become 100 fen), a number sent as text
     * ("100") or text sent as a number or true/false (123 for an invitation code), a field given twice
     * (which one would count?) and text with a NUL character are all refused, naming the field.
     */
    @Bean
    JsonMapperBuilderCustomizer strictRequestBodies() {
        return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(StrictText.module());
    }
}
