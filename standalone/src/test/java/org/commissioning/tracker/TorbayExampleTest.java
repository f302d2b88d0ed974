package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import org.commissioning.tracker.platform.testing.Seeds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** EXAMPLES.md section 1: Torbay and South Devon integrated care organisation, a rolling renewal. */
class TorbayExampleTest extends EndToEndTest {

    static final String NON_RENEWAL = """
            {"kind": "NON_RENEWAL", "servedOn": "%s", "servedBy": "South Devon and Torbay CCG",
             "reason": "The CCG will re-procure"}""";

    String register(String id) {
        write("/api/contracts", Seeds.TORBAY.replace("TORBAY-ICO", id));
        return id;
    }

    @Test
    void theContractRenewsItselfEveryOctoberForThreeYears() {
        String id = register("TORBAY-ICO");
        long version = write("/api/contracts/" + id + "/commencement", "{\"effectiveOn\": \"2015-10-01\"}");
        assertThat(version).isEqualTo(1);

        JsonNode initial = contractAsOf(id, "2018-06-01", version);
        assertThat(text(initial, "status")).isEqualTo("ACTIVE");
        assertThat(text(initial, "phase")).isEqualTo("INITIAL_TERM");
        assertThat(text(initial, "endDate")).isEqualTo("2020-09-30");
        assertThat(text(initial, "maximumEndDate")).isNull();
        assertThat(text(initial, "commencedOn")).isEqualTo("2015-10-01");

        assertThat(text(contractAsOf(id, "2020-09-30", version), "endDate")).isEqualTo("2020-09-30");
        JsonNode renewed = contractAsOf(id, "2020-10-01", version);
        assertThat(text(renewed, "phase")).isEqualTo("ROLLING_RENEWAL");
        assertThat(text(renewed, "endDate")).isEqualTo("2023-09-30");
        assertThat(text(contractAsOf(id, "2021-10-01", version), "endDate")).isEqualTo("2024-09-30");

        JsonNode beforeDeadline = contractAsOf(id, "2022-06-01", version);
        assertThat(text(beforeDeadline, "nextRenewalPoint")).isEqualTo("2022-10-01");
        assertThat(text(beforeDeadline, "nonRenewalNoticeDeadline")).isEqualTo("2022-07-01");

        // today (the injected clock) is 2026-11-22, nothing more recorded
        JsonNode today = contract(id, "minVersion=" + version);
        assertThat(text(today, "asOf")).isEqualTo("2026-11-22");
        assertThat(text(today, "endDate")).isEqualTo("2029-09-30");
        assertThat(text(today, "nextRenewalPoint")).isEqualTo("2027-10-01");
        assertThat(text(today, "nonRenewalNoticeDeadline")).isEqualTo("2027-07-01");

        refused(id, "/api/contracts/" + id + "/renewals", "{\"effectiveOn\": \"2022-09-01\"}", 422, "renewal_is_automatic");
        refused(id, "/api/contracts/" + id + "/extensions", "{\"length\": \"P1Y\", \"effectiveOn\": \"2022-09-01\"}",
                422, "no_extension_option");
    }

    @Test
    void aNonRenewalNoticeServedInTimeStopsTheNextRenewalAndTheContractRunsOff() {
        String id = register("TORBAY-ICO-NOTICE");
        write("/api/contracts/" + id + "/commencement", "{\"effectiveOn\": \"2015-10-01\"}");
        long version = write("/api/contracts/" + id + "/notices", NON_RENEWAL.formatted("2022-06-15"));

        JsonNode lastDay = contractAsOf(id, "2024-09-30", version);
        assertThat(text(lastDay, "status")).isEqualTo("ACTIVE");
        assertThat(lastDay.get("runOff").asBoolean()).isTrue();
        assertThat(text(lastDay, "endDate")).isEqualTo("2024-09-30");
        assertThat(text(lastDay.get("noticeServed"), "kind")).isEqualTo("NON_RENEWAL");
        assertThat(text(lastDay.get("noticeServed"), "servedOn")).isEqualTo("2022-06-15");
        assertThat(text(contractAsOf(id, "2022-10-01", version), "endDate")).isEqualTo("2024-09-30");
        assertThat(text(contractAsOf(id, "2024-10-01", version), "status")).isEqualTo("EXPIRED");
        assertThat(durations(id, "2025-06-01").get("daysInForce").asLong()).isEqualTo(3288);
    }

    @Test
    void aNoticeServedADayLateLetsOneMoreRenewalHappen() {
        String id = register("TORBAY-ICO-LATE");
        write("/api/contracts/" + id + "/commencement", "{\"effectiveOn\": \"2015-10-01\"}");
        long version = write("/api/contracts/" + id + "/notices", NON_RENEWAL.formatted("2022-07-02"));

        JsonNode renewedOnce = contractAsOf(id, "2022-10-01", version);
        assertThat(text(renewedOnce, "endDate")).isEqualTo("2025-09-30");
        assertThat(text(contractAsOf(id, "2025-09-30", version), "status")).isEqualTo("ACTIVE");
        assertThat(text(contractAsOf(id, "2025-10-01", version), "status")).isEqualTo("EXPIRED");
        assertThat(durations(id, "2026-01-01").get("daysInForce").asLong()).isEqualTo(3653);
    }
}
