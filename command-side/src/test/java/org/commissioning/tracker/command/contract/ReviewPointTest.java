package org.commissioning.tracker.command.contract;

import static org.commissioning.tracker.command.contract.SeedContracts.MID_NOTTS;
import static org.commissioning.tracker.command.contract.SeedContracts.MID_NOTTS_COMMENCED;
import static org.commissioning.tracker.command.contract.SeedContracts.MID_NOTTS_REGISTERED;
import static org.commissioning.tracker.command.contract.SeedContracts.assertRejected;
import static org.commissioning.tracker.command.contract.SeedContracts.date;
import static org.commissioning.tracker.command.contract.SeedContracts.period;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.contract.ContractCommands.CompleteReviewPoint;
import org.commissioning.tracker.shared.contract.ContractCommands.ReviewPointScheduling;
import org.commissioning.tracker.shared.contract.ContractCommands.ScheduleReviewPoint;
import org.commissioning.tracker.shared.contract.ReviewKind;
import org.commissioning.tracker.shared.contract.ReviewPointCompleted;
import org.commissioning.tracker.shared.contract.ReviewPointScheduled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mid-Nottinghamshire: an annual review from 2017-04-01 (R1, chosen) and the end of the transition period on
 * 2017-08-31 (R2, from the agreement).
 */
class ReviewPointTest {

    static final String ANNUAL = "Annual review of the alliance agreement";
    static final String TRANSITION = "End of the transition period";
    static final ReviewPointScheduled ANNUAL_REVIEW = new ReviewPointScheduled(MID_NOTTS, "R1", date("2016-04-01"),
            date("2017-04-01"), ReviewKind.CONTRACT_REVIEW, ANNUAL, period("P1Y"));
    static final ReviewPointScheduled TRANSITION_END = new ReviewPointScheduled(MID_NOTTS, "R2", date("2016-04-01"),
            date("2017-08-31"), ReviewKind.TRANSITION_END, TRANSITION, null);
    static final ReviewPointCompleted FIRST_ANNUAL_REVIEW_DONE = new ReviewPointCompleted(MID_NOTTS, "R1",
            date("2017-04-01"), date("2017-04-03"), "Alliance continues; outcomes framework revised");
    static final ReviewPointCompleted TRANSITION_ENDED = new ReviewPointCompleted(MID_NOTTS, "R2", date("2017-08-31"),
            date("2017-08-31"), "Transition closed unanimously");

    AggregateTestFixture<Contract> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Contract.class);
    }

    @Test
    void theFirstReviewPointScheduledIsR1() {
        fixture.given(MID_NOTTS_REGISTERED, MID_NOTTS_COMMENCED)
                .when(new ScheduleReviewPoint(MID_NOTTS, date("2016-04-01"), date("2017-04-01"),
                        ReviewKind.CONTRACT_REVIEW, ANNUAL, period("P1Y")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ANNUAL_REVIEW)
                .expectResultMessagePayload(new ReviewPointScheduling("R1", 2L));
    }

    @Test
    void theSecondReviewPointScheduledIsR2() {
        fixture.given(MID_NOTTS_REGISTERED, MID_NOTTS_COMMENCED, ANNUAL_REVIEW)
                .when(new ScheduleReviewPoint(MID_NOTTS, date("2016-04-01"), date("2017-08-31"),
                        ReviewKind.TRANSITION_END, TRANSITION, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(TRANSITION_END)
                .expectResultMessagePayload(new ReviewPointScheduling("R2", 3L));
    }

    @Test
    void completingAOneOffReviewPointRecordsItsDueDate() {
        fixture.given(MID_NOTTS_REGISTERED, MID_NOTTS_COMMENCED, ANNUAL_REVIEW, TRANSITION_END)
                .when(new CompleteReviewPoint(MID_NOTTS, "R2", date("2017-08-31"), "Transition closed unanimously"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(TRANSITION_ENDED)
                .expectResultMessagePayload(4L);
    }

    @Test
    void completingARecurringReviewPointCompletesItsEarliestOpenOccurrence() {
        // R1 due 2017-04-01 and then every P1Y: once the first is done, the next completion is for 2018-04-01
        fixture.given(MID_NOTTS_REGISTERED, MID_NOTTS_COMMENCED, ANNUAL_REVIEW, TRANSITION_END, FIRST_ANNUAL_REVIEW_DONE)
                .when(new CompleteReviewPoint(MID_NOTTS, "R1", date("2018-04-05"), "Alliance continues"))
                .expectEvents(new ReviewPointCompleted(MID_NOTTS, "R1", date("2018-04-01"), date("2018-04-05"),
                        "Alliance continues"))
                .expectResultMessagePayload(5L);
    }

    @Test
    void completingAReviewPointThatWasNeverScheduledIsRejected() {
        assertRejected(fixture.given(MID_NOTTS_REGISTERED, MID_NOTTS_COMMENCED, ANNUAL_REVIEW, TRANSITION_END)
                        .when(new CompleteReviewPoint(MID_NOTTS, "R3", date("2017-08-31"), "Nothing to review")),
                Rejection.UNKNOWN_REVIEW_POINT, "R3", "R1", "R2");
    }

    @Test
    void completingAOneOffReviewPointTwiceIsRejected() {
        assertRejected(fixture.given(MID_NOTTS_REGISTERED, MID_NOTTS_COMMENCED, ANNUAL_REVIEW, TRANSITION_END,
                                TRANSITION_ENDED)
                        .when(new CompleteReviewPoint(MID_NOTTS, "R2", date("2017-09-01"), "Closed again")),
                Rejection.REVIEW_POINT_ALREADY_COMPLETED, "R2", "2017-08-31");
    }
}
