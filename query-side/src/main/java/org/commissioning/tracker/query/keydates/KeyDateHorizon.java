package org.commissioning.tracker.query.keydates;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
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
 * Which series occurrences are rows: those from {@code tracker.key-dates.lookback} (a year by default) before the day
 * the key dates were last projected from scratch, through the horizon, kept at least {@code tracker.key-dates.horizon}
 * (5 years by default) ahead of today and moved forward a year at a time. A window within them is read from rows alone; the
 * parts of a window outside them are expanded from the series. Writers of a subject's rows hold a shared advisory
 * lock, moving either bound holds it exclusively, so no series misses the occurrences of a move.
 *
 * <p>Why a lower bound: recurring review points and rolling renewals from each contract's start were two fifths of the
 * rows a rebuild wrote (the benchmark suite's portfolio of 100,000 contracts: 1,966,992 rows, 1,145,025 with the
 * bound), for windows in past years that a contract manager asks about rarely (an audit) and that are expanded as fast
 * as windows a decade ahead. Both bounds are set when the key dates are first projected and again when they are
 * rebuilt (the tables are empty then); the lower one does not follow today, so between rebuilds the rows of later
 * years stay rows.
 *
 * <p>Why five years ahead (ten until 2026-11-24): the span of a commissioner's plans (an NHS joint forward plan covers
 * five years), and of most contracts' next decision; the rows from five to ten years ahead were a quarter of what a
 * rebuild wrote (the same portfolio: 1,145,025 rows, 835,702 with five), for windows that take a tenth of a second to
 * expand.
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
    private final Period lookback;

    KeyDateHorizon(JdbcTemplate jdbc, TransactionTemplate transactions, KeyDateStore store, Clock clock,
                   @Value("${tracker.key-dates.horizon:P5Y}") Period ahead,
                   @Value("${tracker.key-dates.lookback:P1Y}") Period lookback) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.store = store;
        this.clock = clock;
        this.ahead = ahead;
        this.lookback = lookback;
    }

    /**
     * The series occurrences that are rows: from {@code from} (null: from each series' first) through
     * {@code through}.
     */
    record Materialised(LocalDate from, LocalDate through) {

        /** Whether every occurrence in {@code [first, last]} is a row. */
        boolean covers(LocalDate first, LocalDate last) {
            return outside(first, last).isEmpty();
        }

        /** The parts of {@code [first, last]} whose occurrences are not rows: before {@code from}, after the horizon. */
        List<Dates> outside(LocalDate first, LocalDate last) {
            List<Dates> parts = new ArrayList<>(2);
            if (from != null && first.isBefore(from)) {
                LocalDate dayBefore = from.minusDays(1);
                parts.add(new Dates(first, last.isAfter(dayBefore) ? dayBefore : last));
            }
            if (last.isAfter(through)) {
                LocalDate dayAfter = through.plusDays(1);
                parts.add(new Dates(first.isAfter(dayAfter) ? first : dayAfter, last));
            }
            return parts;
        }
    }

    /** The dates from {@code first} to {@code last}, both included. */
    record Dates(LocalDate first, LocalDate last) {
    }

    /**
     * The bounds as they are now, or null before anything was projected. Read on every request rather than kept: the
     * lower bound moves forward when the key dates are rebuilt, perhaps by another process.
     */
    Materialised current() {
        List<Materialised> bounds = jdbc.query(
                "select materialised_from, materialised_through from key_date_horizon where id = 1",
                (rs, n) -> new Materialised(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)));
        return bounds.isEmpty() ? null : bounds.getFirst();
    }

    /**
     * In the caller's transaction: takes the shared lock (held until it commits) and answers the bounds, setting them
     * on first use.
     */
    Materialised sharedForWriting() {
        jdbc.query("select pg_advisory_xact_lock_shared(?)", rs -> {
        }, LOCK);
        Materialised bounds = current();
        if (bounds == null) {
            jdbc.update("insert into key_date_horizon (id, materialised_from, materialised_through) values (1, ?, ?)"
                    + " on conflict do nothing", since(), target());
            bounds = current();
        }
        return bounds;
    }

    /**
     * Sets both bounds afresh from today and the settings, as on first use: only while the key-dates tables are empty
     * and nothing writes them (the projection's reset), so no row lies outside the bounds. The only time the horizon
     * may move back (a shorter {@code tracker.key-dates.horizon} takes effect at a rebuild).
     */
    void restart() {
        transactions.executeWithoutResult(status -> {
            jdbc.query("select pg_advisory_xact_lock(?)", rs -> {
            }, LOCK);
            jdbc.update("update key_date_horizon set materialised_from = ?, materialised_through = ? where id = 1",
                    since(), target());
        });
    }

    private LocalDate since() {
        return LocalDate.now(clock).minus(lookback);
    }

    private LocalDate target() {
        return LocalDate.now(clock).plus(ahead).plus(SLACK);
    }

    /** Keeps the horizon ahead of today: at start-up and then every few hours. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(initialDelayString = "${tracker.key-dates.horizon-check:PT6H}",
            fixedDelayString = "${tracker.key-dates.horizon-check:PT6H}")
    void keepAhead() {
        Materialised bounds = current();
        if (bounds != null && bounds.through().isBefore(LocalDate.now(clock).plus(ahead))) {
            extendTo(target());
        }
    }

    /** Materialises every series' occurrences up to {@code to} and moves the horizon there (never back). */
    void extendTo(LocalDate to) {
        transactions.executeWithoutResult(status -> {
            jdbc.query("select pg_advisory_xact_lock(?)", rs -> {
            }, LOCK);
            Materialised bounds = current();
            if (bounds == null || !to.isAfter(bounds.through())) {
                return;
            }
            LocalDate horizon = bounds.through();
            int written = store.materialise(horizon, to);
            jdbc.update("update key_date_horizon set materialised_through = ? where id = 1", to);
            log.info("Key dates materialised from {} to {}: {} occurrences", horizon.plusDays(1), to, written);
        });
    }
}
