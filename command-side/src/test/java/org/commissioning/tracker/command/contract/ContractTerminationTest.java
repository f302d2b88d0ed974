package org.commissioning.tracker.command.contract;

import static org.commissioning.tracker.command.contract.SeedContracts.UNITING_CARE;
import static org.commissioning.tracker.command.contract.SeedContracts.UNITING_CARE_COMMENCED;
import static org.commissioning.tracker.command.contract.SeedContracts.UNITING_CARE_PARTNERSHIP;
import static org.commissioning.tracker.command.contract.SeedContracts.UNITING_CARE_REGISTERED;
import static org.commissioning.tracker.command.contract.SeedContracts.assertRejected;
import static org.commissioning.tracker.command.contract.SeedContracts.date;
import static org.commissioning.tracker.command.contract.SeedContracts.withCode;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.contract.ContractCommands.TerminateContract;
import org.commissioning.tracker.shared.contract.ContractTerminated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** UnitingCare (EXAMPLES.md 3): P5Y from 2015-04-01, so it ends 2020-03-31; the provider ended it from 2015-12-01. */
class ContractTerminationTest {

    static final ContractTerminated TERMINATED = new ContractTerminated(UNITING_CARE, date("2015-12-01"),
            UNITING_CARE_PARTNERSHIP, Money.gbp("16000000"));

    AggregateTestFixture<Contract> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Contract.class);
    }

    @Test
    void terminatingRecordsTheFirstDayNoLongerInForceWhoEndedItAndTheCost() {
        fixture.given(UNITING_CARE_REGISTERED, UNITING_CARE_COMMENCED)
                .when(new TerminateContract(UNITING_CARE, date("2015-12-01"), UNITING_CARE_PARTNERSHIP,
                        Money.gbp("16000000.00")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(TERMINATED)
                .expectResultMessagePayload(2L);
    }

    @Test
    void terminatingWithEffectFromTheDayAfterTheEndIsAccepted() {
        // effective T leaves T − 1 in force: 2020-03-31 is the end date anyway
        fixture.given(UNITING_CARE_REGISTERED, UNITING_CARE_COMMENCED)
                .when(new TerminateContract(UNITING_CARE, date("2020-04-01"), UNITING_CARE_PARTNERSHIP, null))
                .expectEvents(new ContractTerminated(UNITING_CARE, date("2020-04-01"), UNITING_CARE_PARTNERSHIP, null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void terminatingATerminatedContractIsRejected() {
        assertRejected(fixture.given(UNITING_CARE_REGISTERED, UNITING_CARE_COMMENCED, TERMINATED)
                        .when(new TerminateContract(UNITING_CARE, date("2016-01-04"), "Cambridgeshire and Peterborough CCG",
                                null)),
                Rejection.CONTRACT_TERMINATED, "2015-12-01", "2015-11-30");
    }

    @Test
    void aRejectionAfterATerminationBeforeTheStartDoesNotClaimTheContractWasInForce() {
        // the provider withdraws before go-live: effective 2015-03-01, a month before the start 2015-04-01
        fixture.given(UNITING_CARE_REGISTERED,
                        new ContractTerminated(UNITING_CARE, date("2015-03-01"), UNITING_CARE_PARTNERSHIP, null))
                .when(new TerminateContract(UNITING_CARE, date("2015-04-01"), "Cambridgeshire and Peterborough CCG", null))
                .expectNoEvents()
                .expectException(withCode(Rejection.CONTRACT_TERMINATED))
                .expectExceptionMessage(allOf(containsString("2015-03-01"), not(containsString("2015-03-31"))));
    }

    @Test
    void terminatingAfterTheContractExpiredIsRejected() {
        assertRejected(fixture.given(UNITING_CARE_REGISTERED, UNITING_CARE_COMMENCED)
                        .when(new TerminateContract(UNITING_CARE, date("2020-04-02"), UNITING_CARE_PARTNERSHIP, null)),
                Rejection.CONTRACT_EXPIRED, "2020-03-31", "2020-04-02");
    }

    @Test
    void terminatingWithADateBeforeTheLatestRecordedOneIsRejected() {
        assertRejected(fixture.given(UNITING_CARE_REGISTERED, UNITING_CARE_COMMENCED)
                        .when(new TerminateContract(UNITING_CARE, date("2015-03-31"), UNITING_CARE_PARTNERSHIP, null)),
                Rejection.OUT_OF_ORDER, "2015-03-31", "2015-04-01");
    }
}
