package dev.commonhold.platform.web.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a POST that moves money: it must carry an {@code Idempotency-Key} header, so a client
 * that retries after a timeout gets the first answer instead of paying twice (DESIGN.md, Idempotency).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresIdempotencyKey {
}
