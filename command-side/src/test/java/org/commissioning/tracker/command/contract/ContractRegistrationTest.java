package org.commissioning.tracker.command.contract;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.contract.ContractCommands.RegisterContract;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractKind;
import org.commissioning.tracker.shared.contract.ContractRegistered;
import org.commissioning.tracker.shared.contract.ContractTerms;
import org.commissioning.tracker.shared.contract.ExtensionOption;
import org.commissioning.tracker.shared.procurement.ProcurementId;
import org.commissioning.tracker.shared.procurement.ProcurementRoute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContractRegistrationTest {

    static final ContractId MID_NOTTS = ContractId.of("MIDNOTTS-ALLIANCE");
    static final ContractTerms THREE_PLUS_SEVEN = new ContractTerms(LocalDate.of(2016, 4, 1), Period.ofYears(3), null,
            List.of(ExtensionOption.of(Period.ofYears(7))), null, null);

    AggregateTestFixture<Contract> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Contract.class);
    }

    @Test
    void registeringAContractRecordsItsFactsAtVersionZero() {
        var command = new RegisterContract(MID_NOTTS, "Mid-Nottinghamshire alliance agreement",
                ContractKind.ALLIANCE_AGREEMENT, List.of(new Party("Newark and Sherwood CCG")),
                List.of(new Party("Sherwood Forest Hospitals NHS FT")), Money.gbp("250000000"),
                LocalDate.of(2016, 3, 7), THREE_PLUS_SEVEN, null, ProcurementRoute.MOST_CAPABLE_PROVIDER);

        fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(0L)
                .expectEvents(new ContractRegistered(MID_NOTTS, "Mid-Nottinghamshire alliance agreement",
                        ContractKind.ALLIANCE_AGREEMENT, List.of(new Party("Newark and Sherwood CCG")),
                        List.of(new Party("Sherwood Forest Hospitals NHS FT")), new Money(new java.math.BigDecimal("250000000.00"), "GBP"),
                        LocalDate.of(2016, 3, 7), THREE_PLUS_SEVEN, null, ProcurementRoute.MOST_CAPABLE_PROVIDER));
    }

    @Test
    void aContractAwardedByAProcurementKeepsTheProcurementItCameFrom() {
        var command = new RegisterContract(SeedContracts.UNITING_CARE, "Older people's and adult community services",
                ContractKind.SERVICE_CONTRACT, List.of(new Party("Cambridgeshire and Peterborough CCG")),
                List.of(new Party("UnitingCare Partnership")), Money.gbp("726000000"), LocalDate.of(2014, 10, 1),
                SeedContracts.UNITING_CARE_TERMS, ProcurementId.of("UC-OPA-2013"), ProcurementRoute.COMPETITIVE_DIALOGUE);

        fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(0L)
                .expectEvents(SeedContracts.UNITING_CARE_REGISTERED);
    }
}
