package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.platform.testing.TestUsers;
import org.commissioning.tracker.platform.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;

/**
 * Replaying every projection from scratch gives the read models the live processors built (issue 5, acceptance 2): a
 * portfolio of the EXAMPLES.md contracts and more is written, every table the query side's migrations create is
 * copied, the read models are rebuilt through the admin endpoint, and every table is compared with its copy.
 */
class RebuildProjectionsTest extends EndToEndTest {

    static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    static final Pattern DROP_TABLE = Pattern.compile("(?i)drop\\s+table\\s+(?:if\\s+exists\\s+)?(\\w+)");

    void portfolio() {
        // EXAMPLES.md 1: Torbay, with the non-renewal notice of 2022-06-15
        write("/api/contracts", Seeds.TORBAY.replace("TORBAY-ICO", "RB-TORBAY"));
        write("/api/contracts/RB-TORBAY/commencement", "{\"effectiveOn\": \"2015-10-01\"}");
        write("/api/contracts/RB-TORBAY/notices", """
                {"kind": "NON_RENEWAL", "servedOn": "2022-06-15", "servedBy": "South Devon and Torbay CCG"}""");
        // and Torbay rolling on, nothing more recorded
        write("/api/contracts", Seeds.TORBAY.replace("TORBAY-ICO", "RB-TORBAY-ROLLING"));
        // EXAMPLES.md 2: Mid-Nottinghamshire, both tranches
        write("/api/contracts", Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", "RB-MIDNOTTS"));
        write("/api/contracts/RB-MIDNOTTS/commencement", "{\"effectiveOn\": \"2016-04-01\"}");
        write("/api/contracts/RB-MIDNOTTS/extensions", "{\"length\": \"P2Y\", \"effectiveOn\": \"2019-01-15\", \"reason\": \"Board\"}");
        write("/api/contracts/RB-MIDNOTTS/extensions", "{\"length\": \"P5Y\", \"effectiveOn\": \"2021-01-15\"}");
        // EXAMPLES.md 3: the UnitingCare contract, terminated by the provider
        write("/api/contracts", """
                {"id": "RB-UC-OPA", "title": "Older people's and adult community services", "kind": "PRIME_CONTRACT",
                 "commissioners": [{"name": "Cambridgeshire and Peterborough CCG"}],
                 "providers": [{"name": "UnitingCare Partnership"}], "value": {"amount": "726000000.00", "currency": "GBP"},
                 "awardedOn": "2014-10-01", "terms": {"startDate": "2015-04-01", "initialTerm": "P5Y"},
                 "procurementRoute": "COMPETITIVE_DIALOGUE"}""");
        write("/api/contracts/RB-UC-OPA/termination", """
                {"effectiveOn": "2015-12-01", "initiatedBy": "UnitingCare Partnership",
                 "costs": {"amount": "16000000.00", "currency": "GBP"}, "reason": "Provider withdrew"}""");
        // a section 75 agreement: annual review points, renewals by agreement, a variation, then notice to end it;
        // a commissioner named twice (in two cases), one party in the register's filters
        write("/api/contracts", """
                {"id": "RB-S75", "title": "Better Care Fund pooled budget", "kind": "SECTION_75_AGREEMENT",
                 "commissioners": [{"name": "Rebuildshire County Council"}, {"name": "Rebuildshire ICB"},
                                   {"name": "rebuildshire icb"}],
                 "providers": [{"name": "Rebuildshire County Council"}], "value": {"amount": "48000000.00", "currency": "GBP"},
                 "awardedOn": "2020-03-01",
                 "terms": {"startDate": "2020-04-01", "initialTerm": "P1Y", "terminationNoticePeriod": "P6M",
                           "renewal": {"mode": "BY_AGREEMENT", "interval": "P1Y", "noticePeriod": "P3M", "maxRenewals": 10}}}""");
        write("/api/contracts/RB-S75/review-points", """
                {"effectiveOn": "2020-04-01", "dueOn": "2021-01-15", "kind": "CONTRACT_REVIEW",
                 "description": "Annual review of the pooled budget", "recurrence": "P1Y"}""");
        write("/api/contracts/RB-S75/review-points/R1/completion",
                "{\"effectiveOn\": \"2021-01-20\", \"outcome\": \"Renew for another year\"}");
        write("/api/contracts/RB-S75/renewals", "{\"effectiveOn\": \"2021-02-01\"}");
        write("/api/contracts/RB-S75/variations", """
                {"effectiveOn": "2021-06-01", "valueChange": {"amount": "2500000.00", "currency": "GBP"},
                 "description": "Discharge fund added"}""");
        write("/api/contracts/RB-S75/renewals", "{\"effectiveOn\": \"2022-02-01\"}");
        write("/api/contracts/RB-S75/notices", """
                {"kind": "TERMINATION", "servedOn": "2022-09-01", "servedBy": "Rebuildshire ICB",
                 "takesEffectOn": "2023-03-01"}""");
        // an alliance in transition, with a one-off break point
        write("/api/contracts", """
                {"id": "RB-ALLIANCE", "title": "Rebuildshire integrated care alliance", "kind": "ALLIANCE_AGREEMENT",
                 "commissioners": [{"name": "Rebuildshire ICB"}], "providers": [{"name": "Rebuildshire Community Trust"},
                 {"name": "Rebuildshire GP Federation"}], "awardedOn": "2017-02-01",
                 "terms": {"startDate": "2017-04-01", "initialTerm": "P5Y",
                           "extensionOptions": [{"maxLength": "P1Y", "noticePeriod": "P6M"}, {"maxLength": "P1Y"}]}}""");
        write("/api/contracts/RB-ALLIANCE/review-points", """
                {"effectiveOn": "2017-02-01", "dueOn": "2017-08-31", "kind": "TRANSITION_END",
                 "description": "Transition period ends"}""");
        write("/api/contracts/RB-ALLIANCE/review-points", """
                {"effectiveOn": "2017-03-01", "dueOn": "2019-04-01", "kind": "BREAK_POINT",
                 "description": "Members may leave on three months' notice"}""");
        write("/api/contracts/RB-ALLIANCE/extensions", "{\"length\": \"P1Y\", \"effectiveOn\": \"2021-08-01\"}");
        // EXAMPLES.md 3's procurement, in its standstill: its key dates (standstill end, planned award and go-live)
        write("/api/procurements", KeyDatesOfProcurementsTest.UNITING_CARE.formatted("RB-UC-PROC"));
        write("/api/procurements/RB-UC-PROC/stages", "{\"stage\": \"DIALOGUE\", \"effectiveOn\": \"2013-06-01\"}");
        write("/api/procurements/RB-UC-PROC/standstill", "{\"startsOn\": \"2014-09-19\", \"endsOn\": \"2014-09-30\"}");
    }

    @Test
    void rebuildingEveryProjectionFromTheEventStoreGivesTheSameReadModels() throws IOException {
        portfolio();
        List<String> tables = readModelTables();
        assertThat(tables).contains("contract_view", "contract_event_view", "contract_register",
                "contract_register_party", "contract_state_period").doesNotContain("token_entry");

        Response live = api.as(TestUsers.ADMIN).get("/api/admin/projections?wait=true");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().get("caughtUp").asBoolean()).as(live.body()).isTrue();
        Map<String, List<String>> before = snapshot(tables);
        assertThat(before.get("contract_event_view")).hasSizeGreaterThanOrEqualTo(20);
        assertThat(before.get("contract_state_period")).isNotEmpty();
        String torbayHistory = api.get("/api/contracts/RB-TORBAY/history").body();
        String procurementHistory = api.get("/api/procurements/RB-UC-PROC/history").body();
        assertThat(jdbc.queryForObject("select count(*) from key_date where subject_type = 'procurement'"
                + " and subject_id = 'RB-UC-PROC'", Long.class)).as("standstill end, planned award, planned start")
                .isEqualTo(3);
        String register = api.get("/api/contracts?asOf=2022-01-01&size=500").body();

        Response rebuilt = api.as(TestUsers.ADMIN).post("/api/admin/projections/rebuild", "");
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        JsonNode outcome = rebuilt.json();
        assertThat(outcome.get("caughtUp").asBoolean()).isTrue();
        // by the bulk replay: had it failed, the processors would have replayed the store into the same tables
        assertThat(outcome.get("status").get("bulkReplayed").isBoolean()).as(rebuilt.body()).isTrue();
        assertThat(outcome.get("status").get("bulkReplayed").asBoolean()).as(rebuilt.body()).isTrue();
        List<String> reset = new ArrayList<>();
        outcome.get("reset").forEach(name -> reset.add(name.asString()));
        // every processor Axon has: the one of every projection (ProjectionsProcessor)
        assertThat(reset).contains("projections");
        assertThat(reset)
                .containsExactlyInAnyOrderElementsOf(PauseProjectionsTest.processorNames(outcome.get("status")));
        outcome.get("status").get("processors").forEach(processor -> {
            assertThat(processor.get("caughtUp").asBoolean()).as(processor.toString()).isTrue();
            assertThat(processor.get("position").asLong()).isGreaterThanOrEqualTo(outcome.get("headAtStart").asLong());
        });

        Map<String, List<String>> after = snapshot(tables);
        for (String table : tables) {
            assertThat(after.get(table)).as(table).containsExactlyElementsOf(before.get(table));
        }
        assertThat(api.get("/api/contracts/RB-TORBAY/history").body()).isEqualTo(torbayHistory);
        assertThat(api.get("/api/procurements/RB-UC-PROC/history").body()).isEqualTo(procurementHistory);
        assertThat(api.get("/api/contracts?asOf=2022-01-01&size=500").body()).isEqualTo(register);

        JsonNode status = api.as(TestUsers.ADMIN).get("/api/admin/projections").json();
        assertThat(status.get("caughtUp").asBoolean()).isTrue();
        assertThat(status.get("head").asLong()).isEqualTo(
                jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class));
    }

    /** The tables the query side's migrations create (and do not drop): its read models, whoever adds them. */
    static List<String> readModelTables() throws IOException {
        Resource[] migrations = new PathMatchingResourcePatternResolver().getResources("classpath*:db/query/*.sql");
        assertThat(migrations).isNotEmpty();
        TreeSet<String> tables = new TreeSet<>();
        for (Resource migration : migrations) {
            String sql = migration.getContentAsString(StandardCharsets.UTF_8).replaceAll("--[^\\n]*", "");
            Matcher create = CREATE_TABLE.matcher(sql);
            while (create.find()) {
                tables.add(create.group(1).toLowerCase());
            }
            Matcher drop = DROP_TABLE.matcher(sql);
            while (drop.find()) {
                tables.remove(drop.group(1).toLowerCase());
            }
        }
        tables.removeIf(table -> table.contains("token"));
        return List.copyOf(tables);
    }

    /** Every row of every table, each as its columns' text, sorted. */
    Map<String, List<String>> snapshot(List<String> tables) {
        Map<String, List<String>> snapshot = new TreeMap<>();
        for (String table : tables) {
            List<String> rows = jdbc.query("select * from " + table, (rs, n) -> {
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    columns.add(rs.getMetaData().getColumnName(i) + "=" + rs.getString(i));
                }
                return String.join("|", columns);
            });
            Collections.sort(rows);
            snapshot.put(table, rows);
        }
        return snapshot;
    }
}
