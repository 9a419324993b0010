package dev.commonhold.platform.web;

import dev.commonhold.platform.web.idempotency.RequiresIdempotencyKey;
import dev.commonhold.platform.web.paging.Cursors;
import dev.commonhold.platform.web.paging.Page;
import dev.commonhold.platform.web.problem.ProblemException;
import dev.commonhold.platform.web.problem.ProblemType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** A tiny service exercising every mechanism of platform/web. */
@SpringBootApplication
class WebTestApplication {

    record NewThing(@NotBlank String name, @NotNull @Positive Long amountFen, java.time.LocalDate dueOn) {
    }

    record Thing(UUID id, String name, long amountFen) {
    }

    record NewPayment(@NotBlank String payer, @NotNull @Positive Long amountFen) {
    }

    @RestController
    static class Things {
        private final JdbcTemplate jdbc;

        Things(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @PostMapping("/things")
        ResponseEntity<Thing> create(@Valid @RequestBody NewThing request) {
            Thing thing = new Thing(dev.commonhold.platform.ids.Ids.newId(), request.name(), request.amountFen());
            jdbc.update("INSERT INTO thing (id, name, amount_fen) VALUES (?, ?, ?)", thing.id(), thing.name(), thing.amountFen());
            return ResponseEntity.created(URI.create("/things/" + thing.id())).body(thing);
        }

        @GetMapping("/things/{id}")
        Thing one(@PathVariable UUID id) {
            return jdbc.query("SELECT id, name, amount_fen FROM thing WHERE id = ?", (rs, i) -> new Thing(rs.getObject(1, UUID.class),
                    rs.getString(2), rs.getLong(3)), id).stream().findFirst().orElseThrow(() -> ProblemException.notFound("Thing", id));
        }

        @GetMapping("/things")
        Page<Thing> list(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
            int size = Cursors.limit(limit);
            String after = Cursors.after(cursor);
            List<Thing> rows = jdbc.query("SELECT id, name, amount_fen FROM thing WHERE (?::uuid IS NULL OR id > ?::uuid) ORDER BY id LIMIT ?",
                    (rs, i) -> new Thing(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)), after, after, size + 1);
            return Cursors.page(rows, size, t -> t.id().toString());
        }

        @GetMapping("/boom")
        Thing boom() {
            throw new IllegalStateException("secret internal detail");
        }

        @GetMapping("/domain-rule")
        Thing domainRule() {
            throw new DomainRule();
        }

        /** As a filter or a library would: the status only, for the container's error page to answer. */
        @GetMapping("/send-error")
        void sendError(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
            response.sendError(409);
        }
    }

    /** A service's own rule, answered by the service's own advice (as trust accounts and billing do). */
    static class DomainRule extends RuntimeException {
    }

    @org.springframework.web.bind.annotation.RestControllerAdvice
    static class DomainProblems {
        @org.springframework.web.bind.annotation.ExceptionHandler(DomainRule.class)
        org.springframework.http.ProblemDetail rule(DomainRule e) {
            return org.springframework.http.ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, "refused by a rule of the domain");
        }
    }

    @RestController
    static class Payments {
        private final JdbcTemplate jdbc;

        Payments(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @PostMapping("/payments")
        @RequiresIdempotencyKey
        @Transactional
        ResponseEntity<Thing> pay(@Valid @RequestBody NewPayment request) throws InterruptedException {
            UUID id = dev.commonhold.platform.ids.Ids.newId();
            jdbc.update("INSERT INTO payment (id, payer, amount_fen) VALUES (?, ?, ?)", id, request.payer(), request.amountFen());
            if (request.payer().startsWith("slow")) {
                Thread.sleep(1500);
            }
            if (request.payer().startsWith("refused")) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.of("payment-refused"), "Payment refused", "refused by rule");
            }
            return ResponseEntity.created(URI.create("/payments/" + id)).body(new Thing(id, request.payer(), request.amountFen()));
        }
    }

    /** A file upload listed in commonhold.web.upload-paths: larger than the default limit, still bounded. */
    @RestController
    static class Uploads {
        @PostMapping(path = "/uploads", consumes = "*/*")
        java.util.Map<String, Integer> upload(@RequestBody byte[] file) {
            return java.util.Map.of("bytes", file.length);
        }
    }
}
