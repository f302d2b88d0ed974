package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.platform.testing.Seeds;
import org.commissioning.tracker.platform.testing.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The audit history over HTTP (API.md, "History entry"): every recorded event with when, by whom and why it was
 * recorded, the automatic renewals derived from them in their place, as known at any time.
 */
class ContractHistoryTest extends EndToEndTest {

    static final String NON_RENEWAL = """
            {"kind": "NON_RENEWAL", "servedOn": "2022-06-15", "servedBy": "South Devon and Torbay CCG",
             "reason": "The CCG will re-procure"}""";

    JsonNode history(String id, String query) {
        Response response = api.get("/api/contracts/" + id + "/history?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    @Test
    void torbaysHistoryShowsTheRecordedEventsAndTheAutomaticRenewalsBeforeTheNoticeInTheirPlace() {
        String id = "TORBAY-HISTORY";
        write("/api/contracts", Seeds.TORBAY.replace("TORBAY-ICO", id));
        Response commenced = api.as(TestUsers.ADMIN).post("/api/contracts/" + id + "/commencement",
                "{\"effectiveOn\": \"2015-10-01\", \"reason\": \"Go-live confirmed by the trust\"}",
                "X-Correlation-Id", "go-live-2015");
        assertThat(commenced.status()).isEqualTo(200);
        long version = write("/api/contracts/" + id + "/notices", NON_RENEWAL);

        JsonNode page = history(id, "minVersion=" + version);
        List<JsonNode> entries = items(page);
        // registration, commencement, the renewals of 2020-10-01 and 2021-10-01 (the notice, in time for
        // 2022-10-01, stops every later one), then the notice
        assertThat(entries).extracting(e -> text(e, "type")).containsExactly("ContractRegistered",
                "ContractCommenced", "ContractRenewedAutomatically", "ContractRenewedAutomatically", "NoticeServed");
        assertThat(entries).extracting(e -> text(e, "effectiveOn"))
                .containsExactly("2015-10-01", "2015-10-01", "2020-10-01", "2021-10-01", "2022-06-15");
        assertThat(entries).extracting(e -> e.get("derived").asBoolean())
                .containsExactly(false, false, true, true, false);
        assertThat(page.get("total").asLong()).isEqualTo(5);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(50);

        JsonNode registered = entries.get(0);
        assertThat(registered.get("sequence").asLong()).isZero();
        assertThat(text(registered, "recordedBy")).as("the authenticated user").isEqualTo("manager");
        assertThat(text(registered, "reason")).isEqualTo("Registered from the CCG's board papers");
        assertThat(text(registered, "correlationId")).isNotBlank();
        assertThat(Instant.parse(text(registered, "recordedAt"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(text(registered, "summary")).startsWith("Registered: Service contract "
                        + "'Torbay and South Devon integrated care organisation' awarded on 2015-10-01 by "
                        + "South Devon and Torbay CCG and Torbay Council to Torbay and South Devon NHS Foundation Trust")
                .contains("initial term 5 years (P5Y) to 2020-09-30",
                        "renews automatically every year (P1Y) for 3 years (P3Y)",
                        "non-renewal notice 3 months (P3M)");
        assertThat(text(registered.get("details"), "awardedOn")).isEqualTo("2015-10-01");
        assertThat(text(registered.get("details").get("terms"), "initialTerm")).isEqualTo("P5Y");

        JsonNode commencement = entries.get(1);
        assertThat(commencement.get("sequence").asLong()).isEqualTo(1);
        assertThat(text(commencement, "recordedBy")).as("the user who recorded this event").isEqualTo("admin");
        assertThat(text(commencement, "reason")).isEqualTo("Go-live confirmed by the trust");
        assertThat(text(commencement, "correlationId")).isEqualTo("go-live-2015");
        assertThat(Instant.parse(text(commencement, "recordedAt")))
                .isAfterOrEqualTo(Instant.parse(text(registered, "recordedAt")));

        // P5Y from 2015-10-01 ends 2020-09-30; at 2020-10-01 the end becomes 2020-10-01 + P3Y - 1 = 2023-09-30
        JsonNode first = entries.get(2);
        assertThat(first.get("sequence").isNull()).isTrue();
        assertThat(first.get("recordedAt").isNull()).isTrue();
        assertThat(first.get("recordedBy").isNull()).isTrue();
        assertThat(text(first.get("details"), "previousEndDate")).isEqualTo("2020-09-30");
        assertThat(text(first.get("details"), "newEndDate")).isEqualTo("2023-09-30");
        assertThat(text(first, "summary")).isEqualTo("Renewed automatically at the renewal point 2020-10-01 "
                + "(renewal 1): contract now ends 2023-09-30, was 2020-09-30");
        assertThat(text(entries.get(3).get("details"), "newEndDate")).isEqualTo("2024-09-30");
        assertThat(entries.get(3).get("details").get("renewalNumber").asInt()).isEqualTo(2);

        JsonNode notice = entries.get(4);
        assertThat(notice.get("sequence").asLong()).isEqualTo(2);
        assertThat(text(notice, "reason")).isEqualTo("The CCG will re-procure");
        // the deadline for 2022-10-01 is 2022-07-01: served 2022-06-15, in time; the contract runs off to 2024-09-30
        assertThat(text(notice, "summary")).isEqualTo("Non-renewal notice served by South Devon and Torbay CCG: "
                + "no renewal from 2022-10-01; the contract runs off to its end on 2024-09-30");
        assertThat(text(notice.get("details"), "takesEffectOn")).isEqualTo("2022-10-01");
    }

    @Test
    void withNothingMoreRecordedTorbayHasRenewedEveryOctoberUpToToday() {
        String id = "TORBAY-HISTORY-ROLLING";
        long version = write("/api/contracts", Seeds.TORBAY.replace("TORBAY-ICO", id));

        List<JsonNode> entries = items(history(id, "minVersion=" + version));
        // today is 2026-11-22: renewal points 2020-10-01 to 2026-10-01, seven of them
        assertThat(entries).hasSize(8);
        assertThat(entries.subList(1, 8)).extracting(e -> text(e, "effectiveOn")).containsExactly("2020-10-01",
                "2021-10-01", "2022-10-01", "2023-10-01", "2024-10-01", "2025-10-01", "2026-10-01");
        // the 7th: 2026-10-01 + P3Y - 1 day, the end EXAMPLES.md gives as of 2026-11-22
        assertThat(text(entries.get(7).get("details"), "newEndDate")).isEqualTo("2029-09-30");
    }

    @Test
    void midNottinghamshiresTranchesReadAsAContractManagerWouldSayThem() {
        String id = "MIDNOTTS-HISTORY";
        write("/api/contracts", Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", id));
        write("/api/contracts/" + id + "/extensions",
                "{\"length\": \"P2Y\", \"effectiveOn\": \"2019-01-15\", \"reason\": \"Board approved two years\"}");
        long version = write("/api/contracts/" + id + "/extensions", "{\"length\": \"P5Y\", \"effectiveOn\": \"2021-01-15\"}");

        List<JsonNode> entries = items(history(id, "minVersion=" + version));
        assertThat(entries).extracting(e -> text(e, "summary")).containsExactly(
                "Registered: Alliance agreement 'Mid-Nottinghamshire Better Together alliance agreement' awarded on "
                        + "2016-03-07 by Ashfield and Mansfield CCG, Newark and Sherwood CCG and Nottinghamshire County "
                        + "Council to Sherwood Forest Hospitals NHS Foundation Trust (most capable provider); starts "
                        + "2016-04-01, initial term 3 years (P3Y) to 2019-03-31; option to extend by up to 7 years (P7Y)",
                // 2019-04-01 + P2Y - 1 day; P7Y - P2Y left
                "Option to extend exercised: 2 years (P2Y), contract now ends 2021-03-31; 5 years of the option left",
                // 2019-04-01 + P7Y - 1 day
                "Option to extend exercised: 5 years (P5Y), contract now ends 2026-03-31; the option is used up");
        assertThat(text(entries.get(1), "reason")).isEqualTo("Board approved two years");
        assertThat(text(entries.get(2), "reason")).isNull();
        assertThat(text(entries.get(1).get("details"), "length")).isEqualTo("P2Y");
        assertThat(text(entries.get(1).get("details"), "remainingInOption")).isEqualTo("P5Y");
        assertThat(entries).noneMatch(e -> e.get("derived").asBoolean());
    }

    @Test
    void asKnownAtATimeTheHistoryStopsAtWhatHadBeenRecordedThen() {
        String id = "MIDNOTTS-HISTORY-KNOWN";
        write("/api/contracts", Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", id));
        long version = write("/api/contracts/" + id + "/extensions", "{\"length\": \"P2Y\", \"effectiveOn\": \"2019-01-15\"}");
        List<JsonNode> all = items(history(id, "minVersion=" + version));
        Instant registeredAt = Instant.parse(text(all.get(0), "recordedAt"));
        Instant extendedAt = Instant.parse(text(all.get(1), "recordedAt"));
        assertThat(extendedAt).isAfter(registeredAt);

        assertThat(items(history(id, "knownAt=" + extendedAt))).hasSize(2);
        JsonNode before = history(id, "knownAt=" + extendedAt.minusNanos(1000));
        assertThat(items(before)).extracting(e -> text(e, "type")).containsExactly("ContractRegistered");
        assertThat(text(before, "knownAt")).isEqualTo(extendedAt.minusNanos(1000).toString());

        Response unknown = api.get("/api/contracts/" + id + "/history?knownAt=" + registeredAt.minusNanos(1000));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.field("code")).isEqualTo("unknown_contract");
    }

    @Test
    void theRenewalsShownAsKnownAtATimeAreThoseTheEventsKnownThenImply() {
        String id = "TORBAY-HISTORY-LATE-NOTICE";
        write("/api/contracts", Seeds.TORBAY.replace("TORBAY-ICO", id));
        // the notice of 2022-06-15 is recorded only now, long after the renewals it stopped
        long version = write("/api/contracts/" + id + "/notices", NON_RENEWAL);
        Instant noticeRecordedAt = Instant.parse(text(items(history(id, "minVersion=" + version)).getLast(), "recordedAt"));

        // before the notice was recorded: renewing every October up to today, 2020-10-01 to 2026-10-01
        List<JsonNode> before = items(history(id, "knownAt=" + noticeRecordedAt.minusNanos(1000)));
        assertThat(before).extracting(e -> text(e, "type")).containsExactly("ContractRegistered",
                "ContractRenewedAutomatically", "ContractRenewedAutomatically", "ContractRenewedAutomatically",
                "ContractRenewedAutomatically", "ContractRenewedAutomatically", "ContractRenewedAutomatically",
                "ContractRenewedAutomatically");
        // once it was: the renewals of 2020 and 2021 only, then the notice
        List<JsonNode> after = items(history(id, "knownAt=" + noticeRecordedAt));
        assertThat(after).extracting(e -> text(e, "effectiveOn"))
                .containsExactly("2015-10-01", "2020-10-01", "2021-10-01", "2022-06-15");
    }

    @Test
    void aReadWithMinVersionRightAfterAWriteSeesIt() {
        String id = "MIDNOTTS-HISTORY-RYW";
        write("/api/contracts", Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", id));
        long version = write("/api/contracts/" + id + "/variations",
                "{\"effectiveOn\": \"2017-01-01\", \"description\": \"Frailty pathway added\"}");
        List<JsonNode> entries = items(history(id, "minVersion=" + version));
        assertThat(entries.getLast().get("sequence").asLong()).isEqualTo(version);
        assertThat(text(entries.getLast(), "summary")).isEqualTo("Varied: Frailty pathway added; value unchanged");
    }

    @Test
    void theHistoryIsPaged() {
        String id = "TORBAY-HISTORY-PAGED";
        long version = write("/api/contracts", Seeds.TORBAY.replace("TORBAY-ICO", id));
        // 1 registration + 7 renewals
        JsonNode second = history(id, "minVersion=" + version + "&page=1&size=3");
        assertThat(second.get("total").asLong()).isEqualTo(8);
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("size").asInt()).isEqualTo(3);
        assertThat(items(second)).extracting(e -> text(e, "effectiveOn"))
                .containsExactly("2022-10-01", "2023-10-01", "2024-10-01");
        assertThat(items(history(id, "page=2&size=3"))).hasSize(2);
        JsonNode past = history(id, "page=3&size=3");
        assertThat(items(past)).isEmpty();
        assertThat(past.get("total").asLong()).isEqualTo(8);
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        assertBad("/api/contracts/TORBAY-HISTORY/history?page=-1", "page");
        assertBad("/api/contracts/TORBAY-HISTORY/history?size=0", "size");
        assertBad("/api/contracts/TORBAY-HISTORY/history?size=501", "size");
        assertBad("/api/contracts/TORBAY-HISTORY/history?size=many", "size");
        assertBad("/api/contracts/TORBAY-HISTORY/history?knownAt=yesterday", "knownAt");
        assertBad("/api/contracts/TORBAY-HISTORY/history?minVersion=soon", "minVersion");
        assertBad("/api/contracts/not%20an%20id/history", "id");

        Response unknown = api.get("/api/contracts/NO-SUCH-HISTORY/history");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.field("code")).isEqualTo("unknown_contract");
    }

    void assertBad(String path, String parameter) {
        Response response = api.get(path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(400);
        assertThat(response.field("code")).isEqualTo("validation_failed");
        assertThat(response.json().get("errors").get(0).get("field").asString()).as(path).isEqualTo(parameter);
    }
}
