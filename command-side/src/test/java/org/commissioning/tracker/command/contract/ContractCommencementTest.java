package org.commissioning.tracker.command.contract;

import static org.commissioning.tracker.command.contract.SeedContracts.MID_NOTTS;
import static org.commissioning.tracker.command.contract.SeedContracts.MID_NOTTS_COMMENCED;
import static org.commissioning.tracker.command.contract.SeedContracts.MID_NOTTS_REGISTERED;
import static org.commissioning.tracker.command.contract.SeedContracts.UNITING_CARE;
import static org.commissioning.tracker.command.contract.SeedContracts.UNITING_CARE_PARTNERSHIP;
import static org.commissioning.tracker.command.contract.SeedContracts.UNITING_CARE_REGISTERED;
import static org.commissioning.tracker.command.contract.SeedContracts.assertRejected;
import static org.commissioning.tracker.command.contract.SeedContracts.date;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.contract.ContractCommands.RecordCommencement;
import org.commissioning.tracker.shared.contract.ContractCommenced;
import org.commissioning.tracker.shared.contract.ContractTerminated;
import org.commissioning.tracker.shared.contract.ContractVaried;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recording go-live: optional, never before the award, once. */
class ContractCommencementTest {

    AggregateTestFixture<Contract> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Contract.class);
    }

    @Test
    void commencingOnTheStartDateRecordsTheGoLive() {
        fixture.given(MID_NOTTS_REGISTERED)
                .when(new RecordCommencement(MID_NOTTS, date("2016-04-01")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ContractCommenced(MID_NOTTS, date("2016-04-01")))
                .expectResultMessagePayload(1L);
    }

    @Test
    void commencingOnTheDayOfTheAwardIsAccepted() {
        fixture.given(MID_NOTTS_REGISTERED)
                .when(new RecordCommencement(MID_NOTTS, date("2016-03-07")))
                .expectEvents(new ContractCommenced(MID_NOTTS, date("2016-03-07")))
                .expectResultMessagePayload(1L);
    }

    @Test
    void commencingBeforeTheAwardIsRejected() {
        assertRejected(fixture.given(MID_NOTTS_REGISTERED)
                        .when(new RecordCommencement(MID_NOTTS, date("2016-03-06"))),
                Rejection.COMMENCEMENT_BEFORE_AWARD, "2016-03-06", "2016-03-07");
    }

    @Test
    void commencingTwiceIsRejected() {
        assertRejected(fixture.given(MID_NOTTS_REGISTERED, MID_NOTTS_COMMENCED)
                        .when(new RecordCommencement(MID_NOTTS, date("2016-04-05"))),
                Rejection.ALREADY_COMMENCED, "2016-04-01");
    }

    @Test
    void commencingBeforeTheLatestRecordedDateIsRejected() {
        assertRejected(fixture.given(MID_NOTTS_REGISTERED,
                                new ContractVaried(MID_NOTTS, date("2016-06-01"), "Community services schedule added", null, null))
                        .when(new RecordCommencement(MID_NOTTS, date("2016-04-01"))),
                Rejection.OUT_OF_ORDER, "2016-04-01", "2016-06-01");
    }

    @Test
    void commencingATerminatedContractIsRejected() {
        assertRejected(fixture.given(UNITING_CARE_REGISTERED,
                                new ContractTerminated(UNITING_CARE, date("2015-12-01"), UNITING_CARE_PARTNERSHIP, null))
                        .when(new RecordCommencement(UNITING_CARE, date("2016-01-04"))),
                Rejection.CONTRACT_TERMINATED, "2015-12-01", "2015-11-30");
    }
}
