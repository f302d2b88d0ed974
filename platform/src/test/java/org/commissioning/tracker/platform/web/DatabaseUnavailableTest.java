package org.commissioning.tracker.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseUnavailableTest {

    @Test
    void aPoolTimeoutOrABrokenConnectionMeansTheDatabaseIsUnavailable() {
        assertThat(ProblemHandling.databaseUnavailable(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("pool timed out")))).isTrue();
        assertThat(ProblemHandling.databaseUnavailable(new RuntimeException(new SQLException("refused", "08001")))).isTrue();
        assertThat(ProblemHandling.databaseUnavailable(new RuntimeException(new SQLException("shutting down", "57P01")))).isTrue();
        // found by DatabaseOutageTest: Axon's JdbcException over HikariCP's closed connection (no SQLSTATE) was a 500
        assertThat(ProblemHandling.databaseUnavailable(new RuntimeException("Failed to create a SQL statement",
                new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void aBrokenRuleInTheDatabaseIsNotAnOutage() {
        assertThat(ProblemHandling.databaseUnavailable(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(ProblemHandling.databaseUnavailable(new IllegalStateException("bug"))).isFalse();
    }
}
