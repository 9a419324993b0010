package dev.commonhold.platform.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint whose every answered call goes into the audit trail (审计日志): done (2xx) or refused
 * for who the caller is (403). Bad input (other 4xx) changed nothing and is not an action; a call without a valid
 * token (401) is refused before it reaches the endpoint and names no one. A CSV, PDF or spreadsheet download is an
 * {@link AuditKind#EXPORT} without being marked.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

    AuditKind kind();

    /** What is done, in the domain's words: {@code <service>.<thing>.<verb>}, e.g. {@code trust.payment-request.decide}. */
    String action();
}
