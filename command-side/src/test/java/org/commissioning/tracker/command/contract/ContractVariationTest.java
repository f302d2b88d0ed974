package org.commissioning.tracker.command.contract;

import static org.commissioning.tracker.command.contract.SeedContracts.MID_NOTTS;
import static org.commissioning.tracker.command.contract.SeedContracts.MID_NOTTS_COMMENCED;
import static org.commissioning.tracker.command.contract.SeedContracts.MID_NOTTS_REGISTERED;
import static org.commissioning.tracker.command.contract.SeedContracts.UNITING_CARE;
import static org.commissioning.tracker.command.contract.SeedContracts.UNITING_CARE_COMMENCED;
import static org.commissioning.tracker.command.contract.SeedContracts.UNITING_CARE_PARTNERSHIP;
import static org.commissioning.tracker.command.contract.SeedContracts.UNITING_CARE_REGISTERED;
import static org.commissioning.tracker.command.contract.SeedContracts.assertRejected;
import static org.commissioning.tracker.command.contract.SeedContracts.date;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.contract.ContractCommands.VaryContract;
import org.commissioning.tracker.shared.contract.ContractTerminated;
import org.commissioning.tracker.shared.contract.ContractVaried;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContractVariationTest {

    static final ContractVaried FIRST_VARIATION = new ContractVaried(UNITING_CARE, date("2015-06-01"),
            "Adds urgent care for older people", Money.gbp("5000000"), Money.gbp("731000000"));

    AggregateTestFixture<Contract> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Contract.class);
    }

    @Test
    void aVariationChangesTheValueByTheAmountGiven() {
        // £726m + £5m
        fixture.given(UNITING_CARE_REGISTERED, UNITING_CARE_COMMENCED)
                .when(new VaryContract(UNITING_CARE, date("2015-06-01"), Money.gbp("5000000"),
                        "Adds urgent care for older people"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(FIRST_VARIATION)
                .expectResultMessagePayload(2L);
    }

    @Test
    void aLaterVariationStartsFromTheVariedValue() {
        // £731m − £11m
        fixture.given(UNITING_CARE_REGISTERED, UNITING_CARE_COMMENCED, FIRST_VARIATION)
                .when(new VaryContract(UNITING_CARE, date("2015-09-01"), Money.gbp("-11000000"),
                        "Removes musculoskeletal services"))
                .expectEvents(new ContractVaried(UNITING_CARE, date("2015-09-01"), "Removes musculoskeletal services",
                        Money.gbp("-11000000"), Money.gbp("720000000")))
                .expectResultMessagePayload(3L);
    }

    @Test
    void aVariationWithoutAValueChangeKeepsTheValue() {
        fixture.given(UNITING_CARE_REGISTERED, UNITING_CARE_COMMENCED)
                .when(new VaryContract(UNITING_CARE, date("2015-06-01"), null, "Changes the reporting schedule"))
                .expectEvents(new ContractVaried(UNITING_CARE, date("2015-06-01"), "Changes the reporting schedule",
                        null, Money.gbp("726000000")))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aVariationOfAContractWithoutAValueLeavesTheValueUnknown() {
        fixture.given(MID_NOTTS_REGISTERED, MID_NOTTS_COMMENCED)
                .when(new VaryContract(MID_NOTTS, date("2016-06-01"), Money.gbp("1000000"),
                        "Community services schedule added"))
                .expectEvents(new ContractVaried(MID_NOTTS, date("2016-06-01"), "Community services schedule added",
                        Money.gbp("1000000"), null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void varyingATerminatedContractIsRejected() {
        assertRejected(fixture.given(UNITING_CARE_REGISTERED, UNITING_CARE_COMMENCED,
                                new ContractTerminated(UNITING_CARE, date("2015-12-01"), UNITING_CARE_PARTNERSHIP, null))
                        .when(new VaryContract(UNITING_CARE, date("2016-01-04"), null, "Late change")),
                Rejection.CONTRACT_TERMINATED, "2015-12-01", "2015-11-30");
    }

    @Test
    void varyingAnExpiredContractIsRejected() {
        assertRejected(fixture.given(UNITING_CARE_REGISTERED, UNITING_CARE_COMMENCED)
                        .when(new VaryContract(UNITING_CARE, date("2020-04-01"), null, "Late change")),
                Rejection.CONTRACT_EXPIRED, "2020-03-31", "2020-04-01");
    }
}
