package dev.commonhold.platform.web.problem;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that is restarting or unreachable is answered 503 with Retry-After, not 500: seen by the payment
 * fault suite when PostgreSQL restarted under billing (connections cut with SQLSTATE 57P01, then "Connection is
 * closed" on rollback). A failure of the code or the data stays a 500.
 */
class DatabaseAwayTest {

    private final ProblemHandler handler = new ProblemHandler();

    @Test
    void aConnectionCutByARestartingServerIsUnavailableForAMoment() {
        SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        ResponseEntity<Object> answer = answer(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed", "08003", terminated)));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getType()).isEqualTo(ProblemType.UNAVAILABLE);
        assertThat(problem.getDetail()).contains("nothing was changed", "Try again");
    }

    @Test
    void everyKindOfDatabaseAbsenceIsUnavailable() {
        assertThat(DatabaseAway.is(new CannotGetJdbcConnectionException("pool timed out", new SQLException("timeout", "08001")))).isTrue();
        assertThat(DatabaseAway.is(new DataAccessResourceFailureException("gone"))).isTrue();
        assertThat(DatabaseAway.is(new RuntimeException(new java.sql.SQLTransientConnectionException("Connection is not available")))).isTrue();
        assertThat(DatabaseAway.is(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(DatabaseAway.is(new org.springframework.transaction.CannotCreateTransactionException("no connection"))).isTrue();
    }

    @Test
    void aBugOrAViolatedConstraintIsNotTheDatabaseBeingAway() {
        assertThat(DatabaseAway.is(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseAway.is(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseAway.is(new RuntimeException(new SQLException("no state")))).isFalse();
        assertThat(answer(new IllegalStateException("a bug")).getStatusCode().value()).isEqualTo(500);
    }

    @Test
    void aValueTheDatabaseCannotTakeIsTheRequestsFaultNotAConflict() {
        var outOfRange = new org.springframework.dao.DataIntegrityViolationException("bad",
                new org.postgresql.util.PSQLException("timestamp out of range", org.postgresql.util.PSQLState.DATETIME_OVERFLOW));
        ResponseEntity<Object> answer = handler.dataIntegrity(outOfRange, new MockHttpServletRequest("GET", "/api/community/audit"));
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        var duplicate = new org.springframework.dao.DataIntegrityViolationException("dup",
                new org.postgresql.util.PSQLException("duplicate key", org.postgresql.util.PSQLState.UNIQUE_VIOLATION));
        assertThat(handler.dataIntegrity(duplicate, new MockHttpServletRequest("POST", "/x")).getStatusCode().value()).isEqualTo(409);
    }

    private ResponseEntity<Object> answer(Exception failure) {
        return handler.unexpected(failure, new MockHttpServletRequest("POST", "/api/billing/communities/c/charges/x/channel-orders"));
    }
}
