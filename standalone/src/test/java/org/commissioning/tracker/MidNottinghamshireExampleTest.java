package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import org.commissioning.tracker.platform.testing.Seeds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** EXAMPLES.md section 2: the Mid-Nottinghamshire alliance agreement, an option taken in tranches. */
class MidNottinghamshireExampleTest extends EndToEndTest {

    static final String EXTEND = "{\"length\": \"%s\", \"effectiveOn\": \"%s\", \"reason\": \"Alliance board decision\"}";

    String register(String id) {
        write("/api/contracts", Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", id));
        return id;
    }

    @Test
    void theSevenYearOptionIsTakenAsTwoYearsThenFive() {
        String id = register("MIDNOTTS-ALLIANCE");
        long version = write("/api/contracts/" + id + "/commencement", "{\"effectiveOn\": \"2016-04-01\"}");
        String extensions = "/api/contracts/" + id + "/extensions";

        JsonNode awarded = contractAsOf(id, "2016-03-31", version);
        assertThat(text(awarded, "status")).isEqualTo("AWARDED");
        assertThat(text(awarded, "startDate")).isEqualTo("2016-04-01");

        JsonNode started = contractAsOf(id, "2016-04-01", version);
        assertThat(text(started, "status")).isEqualTo("ACTIVE");
        assertThat(text(started, "phase")).isEqualTo("INITIAL_TERM");
        assertThat(text(started, "endDate")).isEqualTo("2019-03-31");
        assertThat(text(started, "maximumEndDate")).isEqualTo("2026-03-31");
        assertThat(text(started, "extensionRemaining")).isEqualTo("P7Y");
        assertThat(durations(id, "2019-03-31").get("daysInForce").asLong()).isEqualTo(1095);

        var tooLong = refused(id, extensions, EXTEND.formatted("P8Y", "2019-01-15"), 422, "extension_exceeds_option");
        assertThat(tooLong.field("detail")).contains("2027-03-31").contains("2026-03-31");

        version = write(extensions, EXTEND.formatted("P2Y", "2019-01-15"));
        JsonNode extended = contractAsOf(id, "2019-02-01", version);
        assertThat(text(extended, "endDate")).isEqualTo("2021-03-31");
        assertThat(text(extended, "extensionRemaining")).isEqualTo("P5Y");
        assertThat(text(extended, "phase")).isEqualTo("INITIAL_TERM");
        assertThat(text(contractAsOf(id, "2019-04-01", version), "phase")).isEqualTo("EXTENSION");

        var sixLeftFive = refused(id, extensions, EXTEND.formatted("P6Y", "2019-02-01"), 422, "extension_exceeds_option");
        assertThat(sixLeftFive.field("detail")).contains("P5Y");
        var backwards = refused(id, extensions, EXTEND.formatted("P1Y", "2019-01-01"), 422, "out_of_order");
        assertThat(backwards.field("detail")).contains("2019-01-15");

        version = write(extensions, EXTEND.formatted("P5Y", "2021-01-15"));
        JsonNode fullyExtended = contractAsOf(id, "2021-02-01", version);
        assertThat(text(fullyExtended, "endDate")).isEqualTo("2026-03-31");
        assertThat(text(fullyExtended, "extensionRemaining")).isNull();
        assertThat(text(contractAsOf(id, "2026-03-31", version), "status")).isEqualTo("ACTIVE");
        assertThat(text(contractAsOf(id, "2026-04-01", version), "status")).isEqualTo("EXPIRED");
        assertThat(durations(id, "2026-04-01").get("daysInForce").asLong()).isEqualTo(3652);

        refused(id, extensions, EXTEND.formatted("P1Y", "2021-02-01"), 422, "extension_option_exhausted");
    }

    @Test
    void anOptionCannotBeTakenAfterTheContractHasEnded() {
        String id = register("MIDNOTTS-VARIANT");
        write("/api/contracts/" + id + "/commencement", "{\"effectiveOn\": \"2016-04-01\"}");

        var expired = refused(id, "/api/contracts/" + id + "/extensions", EXTEND.formatted("P7Y", "2019-04-15"),
                422, "contract_expired");
        assertThat(expired.field("detail")).contains("2019-03-31");
    }

    @Test
    void aCommandForAnUnknownContractIsNotFound() {
        var response = api.post("/api/contracts/NO-SUCH-ALLIANCE/extensions", EXTEND.formatted("P1Y", "2019-01-15"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.field("code")).isEqualTo("unknown_contract");
    }
}
