package org.commissioning.tracker.query.keydates;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How far series are materialised as rows: the horizon, kept at least {@code tracker.key-dates.horizon} (10 years by
 * default) ahead of today and moved a year at a time. A window ending on or before it is read from rows alone; the
 * part of a window beyond it is expanded from the series. Writers of a subject's rows hold a shared advisory lock,
 * moving the horizon holds it exclusively, so no series misses the occurrences of a move.
 */
@Component
class KeyDateHorizon {

    private static final Logger log = LoggerFactory.getLogger(KeyDateHorizon.class);
    /** The advisory lock guarding the horizon ("keydates" in ASCII). */
    private static final long LOCK = 0x6b6579646174657aL;
    private static final Period SLACK = Period.ofYears(1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final KeyDateStore store;
    private final Clock clock;
    private final Period ahead;

    KeyDateHorizon(JdbcTemplate jdbc, TransactionTemplate transactions, KeyDateStore store, Clock clock,
                   @Value("${tracker.key-dates.horizon:P10Y}") Period ahead) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.store = store;
        this.clock = clock;
        this.ahead = ahead;
    }

    /** The horizon last read: it only ever moves forward, so a window ending on or before it is all rows. */
    private volatile LocalDate known;

    /** The horizon, or null before anything was projected. */
    LocalDate current() {
        List<LocalDate> horizon = jdbc.queryForList(
                "select materialised_through from key_date_horizon where id = 1", LocalDate.class);
        LocalDate current = horizon.isEmpty() ? null : horizon.getFirst();
        if (current != null) {
            known = current;
        }
        return current;
    }

    /** The horizon as last read if {@code date} is not beyond it (no round trip), else as it is now. */
    LocalDate reaching(LocalDate date) {
        LocalDate last = known;
        return last != null && !date.isAfter(last) ? last : current();
    }

    /**
     * In the caller's transaction: takes the shared lock (held until it commits) and answers the horizon, setting it
     * on first use.
     */
    LocalDate sharedForWriting() {
        jdbc.query("select pg_advisory_xact_lock_shared(?)", rs -> {
        }, LOCK);
        LocalDate horizon = current();
        if (horizon == null) {
            jdbc.update("insert into key_date_horizon (id, materialised_through) values (1, ?) on conflict do nothing",
                    target());
            horizon = current();
        }
        return horizon;
    }

    private LocalDate target() {
        return LocalDate.now(clock).plus(ahead).plus(SLACK);
    }

    /** Keeps the horizon ahead of today: at start-up and then every few hours. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(initialDelayString = "${tracker.key-dates.horizon-check:PT6H}",
            fixedDelayString = "${tracker.key-dates.horizon-check:PT6H}")
    void keepAhead() {
        LocalDate horizon = current();
        if (horizon != null && horizon.isBefore(LocalDate.now(clock).plus(ahead))) {
            extendTo(target());
        }
    }

    /** Materialises every series' occurrences up to {@code to} and moves the horizon there (never back). */
    void extendTo(LocalDate to) {
        transactions.executeWithoutResult(status -> {
            jdbc.query("select pg_advisory_xact_lock(?)", rs -> {
            }, LOCK);
            LocalDate horizon = current();
            if (horizon == null || !to.isAfter(horizon)) {
                return;
            }
            int written = store.materialise(horizon, to);
            jdbc.update("update key_date_horizon set materialised_through = ? where id = 1", to);
            log.info("Key dates materialised from {} to {}: {} occurrences", horizon.plusDays(1), to, written);
        });
    }
}
