package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An event that moves none of a contract's dates (a variation of its value) leaves its key-date rows as they were and
 * moves only the version they stand for, so that reading one's own write still works; an event that moves a date (an
 * extension) writes them again. Rows as PostgreSQL stores them: a row written again is a new tuple with a new
 * {@code xmin}.
 */
class KeyDatesUnmovedTest extends KeyDatesEndToEndTest {

    static final String ID = "KD-UNMOVED";

    @Test
    void aVariationOfTheValueMovesOnlyTheVersionAndAnExtensionWritesTheRowsAgain() {
        long registered = record(ID, "/api/contracts", """
                {"id": "KD-UNMOVED", "title": "Community equipment", "kind": "SERVICE_CONTRACT",
                 "commissioners": [{"name": "Keydates Unmoved Council"}], "providers": [{"name": "Unmoved Ltd"}],
                 "value": {"amount": "100000.00", "currency": "GBP"}, "awardedOn": "2023-03-01",
                 "terms": {"startDate": "2023-04-01", "initialTerm": "P3Y",
                           "extensionOptions": [{"maxLength": "P2Y"}]}}""");
        List<String> registeredRows = rows();
        assertThat(registeredRows).anyMatch(row -> row.startsWith("2026-03-31 END_OF_TERM "));
        assertThat(projectedVersion()).isEqualTo(registered);

        long varied = record(ID, "/api/contracts/KD-UNMOVED/variations", """
                {"effectiveOn": "2024-05-01", "valueChange": {"amount": "2500.00", "currency": "GBP"},
                 "description": "More equipment"}""");

        assertThat(varied).isGreaterThan(registered);
        assertThat(projectedVersion()).isEqualTo(varied);
        assertThat(rows()).isEqualTo(registeredRows);

        long extended = record(ID, "/api/contracts/KD-UNMOVED/extensions", """
                {"length": "P2Y", "effectiveOn": "2026-01-15", "reason": "Board decision"}""");

        assertThat(projectedVersion()).isEqualTo(extended);
        List<String> extendedRows = rows();
        assertThat(extendedRows).anyMatch(row -> row.startsWith("2028-03-31 END_OF_TERM "))
                .noneMatch(row -> row.startsWith("2026-03-31 END_OF_TERM "))
                .doesNotContainAnyElementsOf(registeredRows);
    }

    /** The contract's rows, each as "date KIND ordinal xmin", in order. */
    List<String> rows() {
        return jdbc.queryForList("""
                select date || ' ' || kind || ' ' || ordinal || ' ' || xmin from key_date
                where subject_type = 'contract' and subject_id = ? order by date, kind, ordinal""", String.class, ID);
    }

    long projectedVersion() {
        return jdbc.queryForObject("select version from key_date_subject where subject_type = 'contract' "
                + "and subject_id = ?", Long.class, ID);
    }
}
