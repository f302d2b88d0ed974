package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.platform.testing.Seeds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The two clocks (DOMAIN.md, "Time: two clocks"): the state on a date as it was known at a time. Nothing sleeps: the
 * instants come from the recorded times the history shows, and from the event store's own time stamps.
 */
class StateAsKnownTest extends EndToEndTest {

    Instant recordedAt(String id, long sequence, long minVersion) {
        Response history = api.get("/api/contracts/" + id + "/history?minVersion=" + minVersion);
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        for (JsonNode entry : history.json().get("items")) {
            if (!entry.get("derived").asBoolean() && entry.get("sequence").asLong() == sequence) {
                return Instant.parse(entry.get("recordedAt").asString());
            }
        }
        throw new AssertionError("no event " + sequence + " in " + history.body());
    }

    Response asOfKnownAt(String id, String date, Instant knownAt) {
        return api.get("/api/contracts/" + id + "?asOf=" + date + "&knownAt=" + knownAt);
    }

    @Test
    void anAgreementRegisteredAfterItsStartWasNotKnownOnItsStartDateUntilItWasRecorded() {
        String id = "MIDNOTTS-KNOWN-LATE";
        long version = write("/api/contracts", Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", id));
        Instant registered = recordedAt(id, 0, version);
        // the history's recorded time is the event store's, to the microsecond PostgreSQL keeps
        Instant stored = Instant.parse(jdbc.queryForObject("select time_stamp from domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 0", String.class, "contract:" + id));
        assertThat(registered).isBetween(stored.minusNanos(1000), stored.plusNanos(1000));

        Response notYetKnown = asOfKnownAt(id, "2016-04-01", registered.minusNanos(1000));
        assertThat(notYetKnown.status()).isEqualTo(404);
        assertThat(notYetKnown.field("code")).isEqualTo("unknown_contract");
        assertThat(notYetKnown.field("detail")).contains("as known at");

        Response known = asOfKnownAt(id, "2016-04-01", registered);
        assertThat(known.status()).isEqualTo(200);
        assertThat(known.field("status")).isEqualTo("ACTIVE");
        assertThat(known.field("phase")).isEqualTo("INITIAL_TERM");
        // P3Y from 2016-04-01, inclusive
        assertThat(known.field("endDate")).isEqualTo("2019-03-31");
    }

    @Test
    void anExtensionRecordedLateChangesTheEndOnlyFromWhenItWasRecorded() {
        String id = "MIDNOTTS-KNOWN-EXT";
        write("/api/contracts", Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", id));
        long version = write("/api/contracts/" + id + "/extensions", "{\"length\": \"P2Y\", \"effectiveOn\": \"2019-01-15\"}");
        Instant extended = recordedAt(id, 1, version);

        Response before = asOfKnownAt(id, "2019-02-01", extended.minusNanos(1000));
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.field("endDate")).isEqualTo("2019-03-31");
        assertThat(before.field("extensionRemaining")).isEqualTo("P7Y");
        assertThat(before.json().get("version").asLong()).isZero();

        Response after = asOfKnownAt(id, "2019-02-01", extended);
        // 2019-04-01 + P2Y - 1 day; P7Y - P2Y left
        assertThat(after.field("endDate")).isEqualTo("2021-03-31");
        assertThat(after.field("extensionRemaining")).isEqualTo("P5Y");
        assertThat(after.json().get("version").asLong()).isEqualTo(1);

        // without knownAt: everything recorded so far
        assertThat(api.get("/api/contracts/" + id + "?asOf=2019-02-01").field("endDate")).isEqualTo("2021-03-31");
    }
}
