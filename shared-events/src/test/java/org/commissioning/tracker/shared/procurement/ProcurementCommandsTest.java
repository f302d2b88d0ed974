package org.commissioning.tracker.shared.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commissioning.tracker.shared.procurement.Procurement.date;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.commissioning.tracker.shared.InvalidValueException;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractKind;
import org.commissioning.tracker.shared.contract.ContractTerms;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.AwardContract;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.ChooseRoute;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.PlanProcurement;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.PublishNotice;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.RecordBid;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.RecordParticipation;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.RecordStandstill;
import org.junit.jupiter.api.Test;

/** Malformed commands cannot be built; each names its field. */
class ProcurementCommandsTest {

    static final ProcurementId ID = ProcurementId.of("P-1");
    static final List<Party> BUYERS = List.of(new Party("NHS Anytown ICB"));

    static void invalid(String field, ThrowingCallable build) {
        assertThatThrownBy(build).isInstanceOfSatisfying(InvalidValueException.class,
                invalid -> assertThat(invalid.field()).as(invalid.getMessage()).isEqualTo(field));
    }

    static PlanProcurement plan(Regime regime, ProcurementRoute route, Money estimate, Money maximum, String award,
                                String start) {
        return new PlanProcurement(ID, "Community services", BUYERS, regime, route, estimate, maximum,
                award == null ? null : date(award), start == null ? null : date(start), date("2025-01-06"));
    }

    @Test
    void planningNamesEachFieldAtFault() {
        invalid("title", () -> new PlanProcurement(ID, " ", BUYERS, Regime.PA2023, ProcurementRoute.OPEN, null, null,
                null, null, date("2025-01-06")));
        invalid("buyers", () -> new PlanProcurement(ID, "T", List.of(), Regime.PA2023, ProcurementRoute.OPEN, null,
                null, null, null, date("2025-01-06")));
        invalid("regime", () -> plan(null, ProcurementRoute.OPEN, null, null, null, null));
        invalid("route", () -> plan(Regime.PA2023, null, null, null, null, null));
        invalid("route", () -> plan(Regime.PCR2015, ProcurementRoute.PSR_COMPETITIVE, null, null, null, null));
        invalid("route", () -> plan(Regime.PSR, ProcurementRoute.OPEN, null, null, null, null));
        invalid("maximumPrice.amount", () -> plan(Regime.PA2023, ProcurementRoute.OPEN, null, Money.gbp("0"), null, null));
        invalid("estimatedValue.amount", () -> plan(Regime.PA2023, ProcurementRoute.OPEN, Money.gbp("-1"), null, null, null));
        invalid("maximumPrice.currency", () -> plan(Regime.PA2023, ProcurementRoute.OPEN, Money.gbp("1"),
                new Money(BigDecimal.ONE, "EUR"), null, null));
        invalid("plannedStartOn", () -> plan(Regime.PA2023, ProcurementRoute.OPEN, null, null, "2025-06-01", "2025-05-31"));
        invalid("effectiveOn", () -> new PlanProcurement(ID, "T", BUYERS, Regime.PA2023, ProcurementRoute.OPEN, null,
                null, null, null, null));
        assertThat(plan(Regime.PSR, ProcurementRoute.UNDECIDED, null, null, "2025-06-01", "2025-06-01").route())
                .isEqualTo(ProcurementRoute.UNDECIDED);
    }

    @Test
    void otherCommandsNameTheirFields() {
        invalid("url", () -> new PublishNotice(ID, ProcurementNoticeKind.UK4_TENDER, date("2025-02-03"), null, "ftp://x"));
        invalid("url", () -> new PublishNotice(ID, ProcurementNoticeKind.UK4_TENDER, date("2025-02-03"), null, "not a link"));
        invalid("kind", () -> new PublishNotice(ID, null, date("2025-02-03"), null, null));
        invalid("route", () -> new ChooseRoute(ID, ProcurementRoute.UNDECIDED, date("2025-02-03")));
        invalid("count", () -> new RecordParticipation(ID, ParticipationMeasure.SHORTLISTED, -1, date("2025-02-03")));
        invalid("count", () -> new RecordParticipation(ID, ParticipationMeasure.SHORTLISTED, null, date("2025-02-03")));
        invalid("amount.amount", () -> new RecordBid(ID, "A bidder", Money.gbp("0"), date("2025-02-03")));
        invalid("bidder", () -> new RecordBid(ID, "", Money.gbp("1"), date("2025-02-03")));
        invalid("endsOn", () -> new RecordStandstill(ID, date("2025-02-03"), date("2025-02-02")));
        ContractTerms terms = new ContractTerms(date("2025-04-01"), Period.ofYears(3), null, null, null, null);
        invalid("providers", () -> new AwardContract(ID, ContractId.of("C-1"), date("2025-03-01"), List.of(),
                Money.gbp("1"), ContractKind.SERVICE_CONTRACT, null, terms));
        invalid("value", () -> new AwardContract(ID, ContractId.of("C-1"), date("2025-03-01"), BUYERS, null,
                ContractKind.SERVICE_CONTRACT, null, terms));
        invalid("terms", () -> new AwardContract(ID, ContractId.of("C-1"), date("2025-03-01"), BUYERS,
                Money.gbp("1"), ContractKind.SERVICE_CONTRACT, null, null));
        invalid("contractId", () -> new AwardContract(ID, null, date("2025-03-01"), BUYERS,
                Money.gbp("1"), ContractKind.SERVICE_CONTRACT, null, terms));
        assertThat(new PublishNotice(ID, ProcurementNoticeKind.UK4_TENDER, date("2025-02-03"), " ",
                "https://www.find-tender.service.gov.uk/Notice/000001-2025").reference()).isNull();
    }
}
