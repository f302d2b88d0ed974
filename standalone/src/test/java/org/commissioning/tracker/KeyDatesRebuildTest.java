package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.commissioning.tracker.platform.testing.Seeds;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractKind;
import org.commissioning.tracker.shared.contract.ContractRegistered;
import org.commissioning.tracker.shared.contract.ContractTerms;
import org.commissioning.tracker.shared.contract.ContractTimeline;
import org.commissioning.tracker.shared.contract.RenewalMode;
import org.commissioning.tracker.shared.contract.RenewalRule;
import org.commissioning.tracker.shared.contract.ReviewKind;
import org.commissioning.tracker.shared.keydates.ContractKeyDates;
import org.commissioning.tracker.shared.keydates.KeyDateSchedule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The key-dates read model is a pure function of the events and its bounds (the rows' first date and the horizon):
 * replaying the projection from scratch gives the same rows, moving the horizon changes which occurrences are rows but
 * not one answer, and rows and expanded series give exactly the contract's schedule on either side of both bounds (a
 * differential check; the hand-worked values are elsewhere).
 */
class KeyDatesRebuildTest extends KeyDatesEndToEndTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ApplicationContext context;

    void rollingWithQuarterlyReview(String id) {
        write("/api/contracts", Seeds.TORBAY.replace("TORBAY-ICO", id));
        write("/api/contracts/" + id + "/commencement", "{\"effectiveOn\": \"2015-10-01\"}");
        record(id, "/api/contracts/" + id + "/review-points", """
                {"effectiveOn": "2015-10-01", "dueOn": "2016-01-15", "kind": "FINANCIAL_REVIEW",
                 "description": "Quarterly risk-share reconciliation", "recurrence": "P3M"}""");
    }

    List<Map<String, Object>> readModel() {
        return List.of(
                Map.of("rows", jdbc.queryForList("select date, subject_id, kind, subject_type, ordinal, title, detail, "
                        + "array_to_string(parties, '|') parties from key_date order by date, subject_id, kind, subject_type, ordinal")),
                Map.of("series", jdbc.queryForList("select * from key_date_series order by subject_type, subject_id, kind, ordinal")),
                Map.of("counts", jdbc.queryForList("select * from key_date_count order by date, kind")),
                Map.of("subjects", jdbc.queryForList("select subject_type, subject_id, title, "
                        + "array_to_string(parties, '|') parties, version from key_date_subject order by subject_type, subject_id")));
    }

    /**
     * Resets the key dates' processor (the one of every projection: its tables cleared, the key dates' bounds set
     * afresh) and waits for it to catch up.
     */
    void rebuildKeyDates() {
        StreamingEventProcessor keyDates = processing.eventProcessorByProcessingGroup("key-dates",
                StreamingEventProcessor.class).orElseThrow();
        keyDates.shutDown();
        keyDates.resetTokens();
        keyDates.start();
        await(() -> !keyDates.processingStatus().isEmpty() && !keyDates.isReplaying()
                && keyDates.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp));
    }

    @Test
    void replayingTheProjectionFromScratchGivesTheSameReadModel() {
        rebuildKeyDates(); // the bounds as a rebuild sets them, whatever another test moved
        rollingWithQuarterlyReview("KD-REPLAY");
        record("KD-REPLAY", "/api/contracts/KD-REPLAY/notices", TorbayExampleTest.NON_RENEWAL.formatted("2023-05-01"));
        // a procurement in its standstill (three rows), and one awarded (none left, its contract's instead)
        for (String id : List.of("KD-REPLAY-PROC", "KD-REPLAY-AWARDED")) {
            write("/api/procurements", KeyDatesOfProcurementsTest.UNITING_CARE.formatted(id));
            write("/api/procurements/" + id + "/stages", KeyDatesOfProcurementsTest.STAGE.formatted("DIALOGUE", "2013-06-01"));
            long version = write("/api/procurements/" + id + "/standstill",
                    KeyDatesOfProcurementsTest.STANDSTILL.formatted("2014-09-19", "2014-09-30"));
            if (id.equals("KD-REPLAY-AWARDED")) {
                version = write("/api/procurements/" + id + "/award",
                        UnitingCareProcurementExampleTest.AWARD.formatted("KD-REPLAY-AWARDED-C", "2014-10-01"));
                awaitKeyDates("KD-REPLAY-AWARDED-C", 0);
            }
            assertThat(api.get("/api/key-dates?procurementId=" + id + "&minVersion=" + version).status()).isEqualTo(200);
        }
        List<Map<String, Object>> live = readModel();
        assertThat(jdbc.queryForObject("select count(*) from key_date where subject_id = 'KD-REPLAY'", Long.class))
                .isPositive();
        assertThat(jdbc.queryForList("select kind from key_date where subject_type = 'procurement' and subject_id = ?"
                + " order by kind", String.class, "KD-REPLAY-PROC"))
                .containsExactly("PLANNED_AWARD", "PLANNED_START", "STANDSTILL_END");
        assertThat(jdbc.queryForObject("select count(*) from key_date where subject_id = 'KD-REPLAY-AWARDED'",
                Long.class)).isZero();

        rebuildKeyDates();

        assertThat(readModel()).isEqualTo(live);
        assertThat(countersOffTheirRows()).isZero();
    }

    /** The (date, kind) counters that differ from the rows they count; read in one statement, one snapshot. */
    long countersOffTheirRows() {
        return jdbc.queryForObject("""
                select count(*) from (select date, kind, count(*) as n from key_date group by date, kind) r
                full join key_date_count c using (date, kind) where r.n is distinct from c.n""", Long.class);
    }

    @Test
    void theCountersOfAWindowAreTheRowsInIt() {
        rollingWithQuarterlyReview("KD-COUNTED");
        record("KD-COUNTED", "/api/contracts/KD-COUNTED/termination",
                "{\"effectiveOn\": \"2030-01-01\", \"initiatedBy\": \"Torbay Council\"}");
        assertThat(countersOffTheirRows()).isZero();

        for (String window : List.of("from=2029-01-01&to=2029-12-31", "from=2022-06-01", "from=2026-01-01",
                "from=2040-01-01&to=2040-03-01")) {
            JsonNode all = keyDates(window + "&size=1");
            JsonNode reviews = keyDates(window + "&size=1&kind=REVIEW_POINT,NON_RENEWAL_NOTICE_DEADLINE");
            LocalDate from = LocalDate.parse(text(all, "from"));
            LocalDate to = LocalDate.parse(text(all, "to"));
            if (!from.isBefore(materialisedFrom()) && !to.isAfter(
                    jdbc.queryForObject("select materialised_through from key_date_horizon", LocalDate.class))) {
                assertThat(all.get("total").asLong()).as(window).isEqualTo(jdbc.queryForObject(
                        "select count(*) from key_date where date between ? and ?", Long.class, from, to));
                assertThat(reviews.get("total").asLong()).as(window).isEqualTo(jdbc.queryForObject(
                        "select count(*) from key_date where date between ? and ? and kind in "
                                + "('REVIEW_POINT', 'NON_RENEWAL_NOTICE_DEADLINE')", Long.class, from, to));
            }
        }
    }

    @Test
    void movingTheHorizonMaterialisesOccurrencesWithoutChangingAnyAnswer() throws Exception {
        rollingWithQuarterlyReview("KD-HORIZON");
        LocalDate horizon = jdbc.queryForObject("select materialised_through from key_date_horizon", LocalDate.class);
        assertThat(horizon).as("five years and one ahead of today, 2026-11-22").isEqualTo(LocalDate.parse("2032-11-22"));
        assertThat(materialisedFrom()).as("a year before today").isEqualTo(LocalDate.parse("2025-11-22"));
        String window = "from=2032-11-01&to=2033-06-30&contractId=KD-HORIZON";
        List<String> expected = List.of(
                "2033-01-15 REVIEW_POINT KD-HORIZON 75",
                "2033-04-15 REVIEW_POINT KD-HORIZON 165");
        assertThat(lines(keyDates(window))).isEqualTo(expected);
        assertThat(rowsOf("KD-HORIZON", "2032-11-23", "2033-06-30")).isZero();

        Object keeper = context.getBean(Class.forName("org.commissioning.tracker.query.keydates.KeyDateHorizon"));
        Method extendTo = keeper.getClass().getDeclaredMethod("extendTo", LocalDate.class);
        extendTo.setAccessible(true);
        extendTo.invoke(keeper, LocalDate.parse("2033-03-31"));
        extendTo.invoke(keeper, LocalDate.parse("2033-01-01")); // never moves back

        assertThat(jdbc.queryForObject("select materialised_through from key_date_horizon", LocalDate.class))
                .isEqualTo(LocalDate.parse("2033-03-31"));
        assertThat(rowsOf("KD-HORIZON", "2032-11-23", "2033-06-30")).isEqualTo(1);
        assertThat(lines(keyDates(window))).isEqualTo(expected);
        assertThat(countersOffTheirRows()).isZero();
        assertThat(lines(keyDates("from=2033-03-31&to=2033-04-15&contractId=KD-HORIZON")))
                .containsExactly("2033-04-15 REVIEW_POINT KD-HORIZON 15");
    }

    /** Torbay under another id with a month-end review every quarter, recorded; its schedule by the shared rules. */
    KeyDateSchedule monthEndReviews(String id) {
        write("/api/contracts", Seeds.TORBAY.replace("TORBAY-ICO", id));
        record(id, "/api/contracts/" + id + "/review-points", """
                {"effectiveOn": "2015-10-01", "dueOn": "2016-01-31", "kind": "PERFORMANCE_REVIEW",
                 "description": "Month-end review", "recurrence": "P3M"}""");
        ContractTimeline timeline = ContractTimeline.of(new ContractRegistered(ContractId.of(id), "Torbay", ContractKind.SERVICE_CONTRACT,
                List.of(new Party("South Devon and Torbay CCG")), List.of(new Party("Torbay Council")), null,
                LocalDate.parse("2015-10-01"), new ContractTerms(LocalDate.parse("2015-10-01"), Period.ofYears(5), null,
                        List.of(), new RenewalRule(RenewalMode.AUTOMATIC, Period.ofYears(1), Period.ofYears(3),
                        Period.ofMonths(3), null), null), null, null));
        timeline = timeline.with(timeline.scheduleReviewPoint(LocalDate.parse("2015-10-01"), LocalDate.parse("2016-01-31"),
                ReviewKind.PERFORMANCE_REVIEW, "Month-end review", Period.ofMonths(3)));
        return ContractKeyDates.of(timeline);
    }

    @Test
    void storedRowsAndExpandedSeriesAgreeWithTheContractsScheduleInEveryWindow() {
        String id = "KD-MONTH-ENDS";
        KeyDateSchedule schedule = monthEndReviews(id);

        // 45-day windows from 2015 to 2028, across the rows' first date (2025-11-22), and from 2030 to 2036, across the
        // horizon (2032-11-22 or later): rows, series, or both
        List<LocalDate> froms = new ArrayList<>();
        for (LocalDate from = LocalDate.parse("2015-09-01"); from.getYear() < 2028; from = from.plusDays(45)) {
            froms.add(from);
        }
        for (LocalDate from = LocalDate.parse("2030-01-01"); from.getYear() < 2037; from = from.plusDays(45)) {
            froms.add(from);
        }
        for (LocalDate from : froms) {
            LocalDate first = from;
            List<String> expected = schedule.between(from, from.plusDays(44)).stream()
                    .map(d -> d.date() + " " + d.kind() + " " + id + " " + ChronoUnit.DAYS.between(first, d.date())
                            + " " + d.detail())
                    .toList();
            JsonNode page = keyDates("from=" + from + "&to=" + from.plusDays(44) + "&contractId=" + id);
            List<String> actual = new ArrayList<>();
            for (JsonNode item : page.get("items")) {
                actual.add(line(item) + " " + text(item, "detail"));
            }
            assertThat(actual).as("window from %s", from).isEqualTo(expected);
        }
    }

    @Test
    void seriesOccurrencesBeforeTheRowsFirstDateAreNotRowsAndSingleDatesAre() {
        String id = "KD-EARLY";
        KeyDateSchedule schedule = monthEndReviews(id);
        record(id, "/api/contracts/" + id + "/review-points", """
                {"effectiveOn": "2015-10-01", "dueOn": "2019-06-30", "kind": "CONTRACT_REVIEW",
                 "description": "One-off review"}""");
        LocalDate first = materialisedFrom();
        LocalDate horizon = jdbc.queryForObject("select materialised_through from key_date_horizon", LocalDate.class);
        List<String> rowsFromFirst = Stream.concat(
                        schedule.dates().stream().filter(d -> !d.date().isBefore(first)),
                        schedule.series().stream().flatMap(s -> s.between(first, horizon).stream()))
                .map(d -> d.date() + " " + d.kind()).toList();
        assertThat(jdbc.queryForList("select date || ' ' || kind from key_date where subject_id = ? and date < ?",
                String.class, id, first)).containsExactly("2019-06-30 REVIEW_POINT");
        assertThat(jdbc.queryForList("select date || ' ' || kind from key_date where subject_id = ? and date >= ?",
                String.class, id, first)).containsExactlyInAnyOrderElementsOf(rowsFromFirst);
        // across the first date (2025-11-22): the expanded 2025-10-31 and the stored 2026-01-31, in order, counted together
        String across = "from=2025-10-01&to=2026-01-31&contractId=" + id + "&kind=REVIEW_POINT&size=1";
        assertThat(keyDates(across).get("total").asLong()).isEqualTo(2);
        assertThat(lines(keyDates(across))).containsExactly("2025-10-31 REVIEW_POINT KD-EARLY 30");
        assertThat(lines(keyDates(across + "&page=1"))).containsExactly("2026-01-31 REVIEW_POINT KD-EARLY 122");
    }

    @Test
    void aRebuildSetsTheBoundsOfAReadModelFromBeforeThemAndTheAnswersStay() {
        // as migration V11 leaves a read model written before it, with ten years ahead then the default: every
        // occurrence a row, from each series' first to 2037
        jdbc.update("insert into key_date_horizon (id, materialised_from, materialised_through) values (1, null,"
                + " '2037-11-22') on conflict (id) do update set materialised_from = null,"
                + " materialised_through = excluded.materialised_through");
        String id = "KD-UPGRADE";
        monthEndReviews(id);
        String window = "from=2016-01-01&to=2016-12-31&contractId=" + id;
        List<String> expected = List.of("2016-01-31 REVIEW_POINT KD-UPGRADE 30", "2016-04-30 REVIEW_POINT KD-UPGRADE 120",
                "2016-07-31 REVIEW_POINT KD-UPGRADE 212", "2016-10-31 REVIEW_POINT KD-UPGRADE 304");
        assertThat(lines(keyDates(window))).isEqualTo(expected);
        assertThat(rowsOf(id, "2016-01-01", "2016-12-31")).isEqualTo(4);
        assertThat(rowsOf(id, "2036-01-01", "2036-12-31")).as("reviews, a renewal and its notice deadline").isEqualTo(6);

        rebuildKeyDates();

        assertThat(materialisedFrom()).as("a year before today").isEqualTo(LocalDate.parse("2025-11-22"));
        assertThat(jdbc.queryForObject("select materialised_through from key_date_horizon", LocalDate.class))
                .as("five years and one ahead of today").isEqualTo(LocalDate.parse("2032-11-22"));
        assertThat(rowsOf(id, "2016-01-01", "2016-12-31")).isZero();
        assertThat(rowsOf(id, "2036-01-01", "2036-12-31")).isZero();
        assertThat(lines(keyDates(window))).isEqualTo(expected);
        assertThat(lines(keyDates("from=2036-01-01&to=2036-12-31&kind=REVIEW_POINT&contractId=" + id))).containsExactly(
                "2036-01-31 REVIEW_POINT KD-UPGRADE 30", "2036-04-30 REVIEW_POINT KD-UPGRADE 120",
                "2036-07-31 REVIEW_POINT KD-UPGRADE 212", "2036-10-31 REVIEW_POINT KD-UPGRADE 304");
        assertThat(countersOffTheirRows()).isZero();
    }

    LocalDate materialisedFrom() {
        return jdbc.queryForObject("select materialised_from from key_date_horizon", LocalDate.class);
    }

    long rowsOf(String id, String from, String to) {
        return jdbc.queryForObject("select count(*) from key_date where subject_id = ? and date between ?::date and ?::date",
                Long.class, id, from, to);
    }

    /** Waits, bounded, for a condition the application reaches on its own (a processor catching up). */
    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 60 s").isLessThan(deadline);
            Thread.onSpinWait();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
