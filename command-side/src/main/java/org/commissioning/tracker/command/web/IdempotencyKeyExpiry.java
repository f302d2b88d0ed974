package org.commissioning.tracker.command.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the stored answers of idempotent writes once they are older than {@code tracker.idempotency.retention}
 * (default 7 days: long enough for a client to retry after a weekend's outage), every
 * {@code tracker.idempotency.purge-interval} (default an hour). The table only serves retries; the events themselves
 * are never touched. Each node may run it: the delete is idempotent.
 */
@Component
@EnableScheduling
public class IdempotencyKeyExpiry {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyExpiry.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;

    IdempotencyKeyExpiry(JdbcTemplate jdbc, Clock clock,
                         @Value("${tracker.idempotency.retention:P7D}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    /** Deletes the answers past their retention; returns how many. */
    @Scheduled(initialDelayString = "${tracker.idempotency.purge-interval:PT1H}",
            fixedDelayString = "${tracker.idempotency.purge-interval:PT1H}")
    public int purge() {
        try {
            int deleted = jdbc.update("delete from idempotent_request where recorded_at < ?",
                    Timestamp.from(clock.instant().minus(retention)));
            if (deleted > 0) {
                log.info("Forgot {} idempotency keys older than {}", deleted, retention);
            }
            return deleted;
        } catch (RuntimeException e) {
            log.warn("Idempotency keys not purged this time: {}", e.toString());
            return 0;
        }
    }
}
