package org.commissioning.tracker.shared.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commissioning.tracker.shared.procurement.Procurement.CCG;
import static org.commissioning.tracker.shared.procurement.Procurement.date;

import java.util.List;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.keydates.KeyDateSchedule;
import org.commissioning.tracker.shared.keydates.ProcurementKeyDates;
import org.junit.jupiter.api.Test;

/**
 * A procurement's key dates (DOMAIN.md, "Key dates"): the standstill end and the planned award and go-live, while it
 * is running. The UnitingCare dialogue of EXAMPLES.md section 3, with an award planned on 2014-10-01 and a go-live on
 * 2015-04-01 (the dates it reached).
 */
class ProcurementKeyDatesTest {

    static Procurement unitingCare() {
        return Procurement.of(new ProcurementPlanned(ProcurementId.of("UC-OPA-2013"),
                        "Older people and adult community services", List.of(CCG), Regime.PCR2006,
                        ProcurementRoute.COMPETITIVE_DIALOGUE, null, Money.gbp("752000000"), date("2014-10-01"),
                        date("2015-04-01"), date("2013-01-01")))
                .stage(ProcurementStage.EXPRESSIONS_OF_INTEREST, "2013-01-01")
                .stage(ProcurementStage.DIALOGUE, "2013-06-01")
                .stage(ProcurementStage.FINAL_TENDERS, "2014-07-01")
                .bid("UnitingCare Partnership", "726000000", "2014-07-01");
    }

    static List<String> lines(Procurement procurement) {
        KeyDateSchedule schedule = ProcurementKeyDates.of(procurement.timeline());
        assertThat(schedule.series()).isEmpty();
        return schedule.dates().stream().map(d -> d.date() + " " + d.kind() + " " + d.ordinal() + " " + d.detail())
                .toList();
    }

    @Test
    void aRunningProcurementListsItsPlannedAwardAndGoLive() {
        assertThat(lines(unitingCare())).containsExactly(
                "2014-10-01 PLANNED_AWARD 0 Contract award planned; not yet awarded: in stage final tenders since "
                        + "2014-07-01, route competitive dialogue",
                "2015-04-01 PLANNED_START 0 Service start (go-live) planned, after an award planned on 2014-10-01; "
                        + "not yet awarded: in stage final tenders since 2014-07-01, route competitive dialogue");
    }

    @Test
    void theStandstillEndIsItsLastDayAndALaterStandstillReplacesIt() {
        Procurement standstill = unitingCare().standstill("2014-09-10", "2014-09-19");
        assertThat(lines(standstill)).first().isEqualTo("2014-09-19 STANDSTILL_END 0 Last day of the standstill "
                + "(from 2014-09-10); the contract may be awarded from 2014-09-20");

        // a challenge: a second standstill from 2014-09-15 to 2014-09-26 replaces the first
        assertThat(lines(standstill.standstill("2014-09-15", "2014-09-26")))
                .filteredOn(line -> line.contains("STANDSTILL_END"))
                .containsExactly("2014-09-26 STANDSTILL_END 0 Last day of the standstill (from 2014-09-15); the "
                        + "contract may be awarded from 2014-09-27");
    }

    @Test
    void afterTheAwardNothingIsListedAnyMore() {
        Procurement awarded = unitingCare().standstill("2014-09-19", "2014-09-30")
                .award("UC-OPA", "2014-10-01", "UnitingCare Partnership", "726000000");
        assertThat(lines(awarded)).isEmpty();
    }

    @Test
    void anAbandonedProcurementListsNothing() {
        assertThat(lines(unitingCare().standstill("2014-09-19", "2014-09-30").abandon("2014-09-25"))).isEmpty();
    }

    @Test
    void withoutPlannedDatesOrAStandstillThereIsNothingToList() {
        assertThat(lines(Procurement.planned("NO-DATES", ProcurementRoute.OPEN, "2026-01-05"))).isEmpty();
    }
}
