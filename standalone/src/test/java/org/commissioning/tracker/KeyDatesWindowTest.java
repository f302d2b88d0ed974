package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The window (DOMAIN.md: "within N days of Q" is {@code Q <= date <= Q + N}): both bounds included, the defaults
 * (from today, the injected clock's 2026-11-22; to from + 90 days), and every bad parameter refused with 400.
 */
class KeyDatesWindowTest extends KeyDatesEndToEndTest {

    /** A ten-year contract from 2017-01-01: its only key date is the end of term, 2026-12-31. */
    static final String EDGE = "KD-EDGE";

    @BeforeEach
    void tenYears() {
        if (eventsOf(EDGE) == 0) {
            record(EDGE, "/api/contracts", """
                    {"id": "KD-EDGE", "title": "Stroke rehabilitation", "kind": "SERVICE_CONTRACT",
                     "commissioners": [{"name": "Keydates Edge ICB"}], "providers": [{"name": "Keydates Edge Trust"}],
                     "awardedOn": "2016-12-01", "terms": {"startDate": "2017-01-01", "initialTerm": "P10Y"}}""");
        }
    }

    JsonNode edge(String window) {
        return keyDates(window + "&contractId=" + EDGE);
    }

    @Test
    void aDateExactlyNDaysAwayIsInTheWindowAndNPlusOneIsNot() {
        assertThat(lines(edge("from=2026-12-01&to=2026-12-31"))).containsExactly("2026-12-31 END_OF_TERM KD-EDGE 30");
        assertThat(lines(edge("from=2026-11-30&to=2026-12-30"))).isEmpty();
    }

    @Test
    void bothBoundsAreIncluded() {
        assertThat(lines(edge("from=2026-12-31&to=2026-12-31"))).containsExactly("2026-12-31 END_OF_TERM KD-EDGE 0");
        assertThat(lines(edge("from=2026-06-01&to=2026-12-31"))).containsExactly("2026-12-31 END_OF_TERM KD-EDGE 213");
        assertThat(lines(edge("from=2027-01-01&to=2027-03-01"))).isEmpty();
    }

    @Test
    void withoutToTheWindowRunsNinetyDaysFromFrom() {
        JsonNode ninety = edge("from=2026-10-02");
        assertThat(lines(ninety)).containsExactly("2026-12-31 END_OF_TERM KD-EDGE 90");
        assertThat(text(ninety, "to")).isEqualTo("2026-12-31");
        assertThat(lines(edge("from=2026-10-01"))).isEmpty();
    }

    @Test
    void withoutFromTheWindowStartsToday() {
        JsonNode today = keyDates("contractId=" + EDGE);

        assertThat(text(today, "from")).isEqualTo("2026-11-22");
        assertThat(text(today, "to")).isEqualTo("2027-02-20");
        assertThat(lines(today)).containsExactly("2026-12-31 END_OF_TERM KD-EDGE 39");
        assertThat(text(today.get("items").get(0), "title")).isEqualTo("Stroke rehabilitation");
        assertThat(text(today.get("items").get(0), "detail"))
                .isEqualTo("Last day in force: the term ends; no option or renewal remains");
    }

    @Test
    void aWindowMayBeAYearAndADayLongButNoLonger() {
        assertThat(lines(edge("from=2026-01-01&to=2027-01-02"))).containsExactly("2026-12-31 END_OF_TERM KD-EDGE 364");
        invalid("from=2026-01-01&to=2027-01-03", "to");
    }

    @Test
    void badParametersAreRefusedWithTheFieldNamed() {
        invalid("from=2026-12-31&to=2026-12-01", "to");
        invalid("from=2026-13-01", "from");
        invalid("from=yesterday", "from");
        invalid("to=2026-02-30", "to");
        invalid("kind=NOT_A_KIND", "kind");
        invalid("kind=END_OF_TERM,BIRTHDAY", "kind");
        invalid("page=-1", "page");
        invalid("page=first", "page");
        invalid("size=0", "size");
        invalid("size=501", "size");
        invalid("commissioner=%20%20", "commissioner");
        invalid("contractId=not%20an%20id", "contractId");
        invalid("minVersion=3", "minVersion");
        invalid("from=1066-10-14", "from");
    }
}
