package org.commissioning.tracker.command.contract;

import static org.commissioning.tracker.command.contract.SeedContracts.COUNTY_COUNCIL;
import static org.commissioning.tracker.command.contract.SeedContracts.MID_NOTTS;
import static org.commissioning.tracker.command.contract.SeedContracts.MID_NOTTS_COMMENCED;
import static org.commissioning.tracker.command.contract.SeedContracts.MID_NOTTS_REGISTERED;
import static org.commissioning.tracker.command.contract.SeedContracts.POOLED_BUDGET;
import static org.commissioning.tracker.command.contract.SeedContracts.POOLED_BUDGET_REGISTERED;
import static org.commissioning.tracker.command.contract.SeedContracts.TORBAY;
import static org.commissioning.tracker.command.contract.SeedContracts.TORBAY_CCG;
import static org.commissioning.tracker.command.contract.SeedContracts.TORBAY_COMMENCED;
import static org.commissioning.tracker.command.contract.SeedContracts.TORBAY_REGISTERED;
import static org.commissioning.tracker.command.contract.SeedContracts.assertRejected;
import static org.commissioning.tracker.command.contract.SeedContracts.date;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.contract.ContractCommands.ServeNotice;
import org.commissioning.tracker.shared.contract.NoticeKind;
import org.commissioning.tracker.shared.contract.NoticeServed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NoticeTest {

    AggregateTestFixture<Contract> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Contract.class);
    }

    /**
     * Torbay (EXAMPLES.md 1): renewal points 2020-10-01, 2021-10-01, 2022-10-01, …; after the renewal at
     * 2020-10-01 + P1Y × k the end is 2020-10-01 + P1Y × k + P3Y − 1. A notice for X is due by X − P3M.
     */
    @Nested
    class NonRenewal {

        static final NoticeServed TORBAY_NOTICE = new NoticeServed(TORBAY, NoticeKind.NON_RENEWAL,
                date("2022-06-15"), TORBAY_CCG, date("2022-10-01"), date("2024-09-30"));

        @Test
        void aNoticeDeclinesTheNextRenewalPointItIsInTimeForAndRunsOffToTheCurrentEnd() {
            fixture.given(TORBAY_REGISTERED, TORBAY_COMMENCED)
                    .when(new ServeNotice(TORBAY, NoticeKind.NON_RENEWAL, date("2022-06-15"), TORBAY_CCG, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(TORBAY_NOTICE)
                    .expectResultMessagePayload(2L);
        }

        @Test
        void aNoticeServedOnTheDeadlineIsInTime() {
            fixture.given(TORBAY_REGISTERED, TORBAY_COMMENCED)
                    .when(new ServeNotice(TORBAY, NoticeKind.NON_RENEWAL, date("2022-07-01"), TORBAY_CCG, null))
                    .expectEvents(new NoticeServed(TORBAY, NoticeKind.NON_RENEWAL, date("2022-07-01"), TORBAY_CCG,
                            date("2022-10-01"), date("2024-09-30")))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void aNoticeADayLateLetsTheComingRenewalHappenAndDeclinesTheOneAfter() {
            // the 2022-10-01 renewal happens (end 2025-09-30); 2023-10-01 is declined (deadline 2023-07-01)
            fixture.given(TORBAY_REGISTERED, TORBAY_COMMENCED)
                    .when(new ServeNotice(TORBAY, NoticeKind.NON_RENEWAL, date("2022-07-02"), TORBAY_CCG, null))
                    .expectEvents(new NoticeServed(TORBAY, NoticeKind.NON_RENEWAL, date("2022-07-02"), TORBAY_CCG,
                            date("2023-10-01"), date("2025-09-30")))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void aNoticeForANamedRenewalPointServedAfterItsDeadlineIsTooShort() {
            assertRejected(fixture.given(TORBAY_REGISTERED, TORBAY_COMMENCED)
                            .when(new ServeNotice(TORBAY, NoticeKind.NON_RENEWAL, date("2022-07-02"), TORBAY_CCG,
                                    date("2022-10-01"))),
                    Rejection.NOTICE_TOO_SHORT, "2022-10-01", "2022-07-01", "P3M", "2022-07-02");
        }

        @Test
        void aSecondNonRenewalNoticeIsRejected() {
            assertRejected(fixture.given(TORBAY_REGISTERED, TORBAY_COMMENCED, TORBAY_NOTICE)
                            .when(new ServeNotice(TORBAY, NoticeKind.NON_RENEWAL, date("2022-08-01"), TORBAY_CCG,
                                    null)),
                    Rejection.NOTICE_ALREADY_SERVED, "2022-06-15", TORBAY_CCG, "2022-10-01");
        }

        @Test
        void decliningADateThatIsNotARenewalPointIsRejected() {
            assertRejected(fixture.given(TORBAY_REGISTERED, TORBAY_COMMENCED)
                            .when(new ServeNotice(TORBAY, NoticeKind.NON_RENEWAL, date("2022-06-15"), TORBAY_CCG,
                                    date("2022-11-01"))),
                    Rejection.NOT_A_RENEWAL_POINT, "2022-11-01", "2020-10-01", "P1Y", "2022-10-01");
        }

        @Test
        void decliningRenewalOfAContractWithoutARenewalRuleIsRejected() {
            assertRejected(fixture.given(MID_NOTTS_REGISTERED, MID_NOTTS_COMMENCED)
                            .when(new ServeNotice(MID_NOTTS, NoticeKind.NON_RENEWAL, date("2018-01-01"),
                                    "Newark and Sherwood CCG", null)),
                    Rejection.NO_RENEWAL_RULE, "2019-03-31");
        }

        // BY_AGREEMENT (the section 75 agreement): renewal points 2018-04-01, 2019-04-01; notice P3M

        @Test
        void aNoticeDeclinesTheComingRenewalOfAnAgreementRenewedByAgreement() {
            fixture.given(POOLED_BUDGET_REGISTERED)
                    .when(new ServeNotice(POOLED_BUDGET, NoticeKind.NON_RENEWAL, date("2017-12-01"), COUNTY_COUNCIL,
                            null))
                    .expectEvents(new NoticeServed(POOLED_BUDGET, NoticeKind.NON_RENEWAL, date("2017-12-01"),
                            COUNTY_COUNCIL, date("2018-04-01"), date("2018-03-31")))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void aNoticeAfterTheDeadlineForTheComingRenewalPointIsTooShort() {
            assertRejected(fixture.given(POOLED_BUDGET_REGISTERED)
                            .when(new ServeNotice(POOLED_BUDGET, NoticeKind.NON_RENEWAL, date("2018-01-02"),
                                    COUNTY_COUNCIL, null)),
                    Rejection.NOTICE_TOO_SHORT, "2018-04-01", "2018-01-01", "2018-01-02");
        }

        @Test
        void decliningARenewalPointBeyondTheComingOneIsRejected() {
            assertRejected(fixture.given(POOLED_BUDGET_REGISTERED)
                            .when(new ServeNotice(POOLED_BUDGET, NoticeKind.NON_RENEWAL, date("2017-06-01"),
                                    COUNTY_COUNCIL, date("2019-04-01"))),
                    Rejection.NOT_A_RENEWAL_POINT, "2018-04-01", "2019-04-01");
        }
    }

    /** The section 75 agreement: termination notice P3M, ends 2018-03-31 as it stands. */
    @Nested
    class Termination {

        static final NoticeServed TERMINATION_NOTICE = new NoticeServed(POOLED_BUDGET, NoticeKind.TERMINATION,
                date("2017-09-01"), COUNTY_COUNCIL, date("2017-12-01"), date("2017-11-30"));

        @Test
        void aNoticeOfExactlyTheNoticePeriodEndsTheContractTheDayBeforeItTakesEffect() {
            fixture.given(POOLED_BUDGET_REGISTERED)
                    .when(new ServeNotice(POOLED_BUDGET, NoticeKind.TERMINATION, date("2017-09-01"), COUNTY_COUNCIL,
                            date("2017-12-01")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(TERMINATION_NOTICE)
                    .expectResultMessagePayload(1L);
        }

        @Test
        void aNoticeADayShortOfTheNoticePeriodIsRejected() {
            // served 2017-09-01 + P3M: 2017-12-01 at the earliest
            assertRejected(fixture.given(POOLED_BUDGET_REGISTERED)
                            .when(new ServeNotice(POOLED_BUDGET, NoticeKind.TERMINATION, date("2017-09-01"),
                                    COUNTY_COUNCIL, date("2017-11-30"))),
                    Rejection.NOTICE_TOO_SHORT, "P3M", "2017-09-01", "2017-12-01", "2017-11-30");
        }

        @Test
        void aSecondTerminationNoticeIsRejected() {
            assertRejected(fixture.given(POOLED_BUDGET_REGISTERED, TERMINATION_NOTICE)
                            .when(new ServeNotice(POOLED_BUDGET, NoticeKind.TERMINATION, date("2017-10-01"),
                                    COUNTY_COUNCIL, date("2018-01-15"))),
                    Rejection.NOTICE_ALREADY_SERVED, "2017-09-01", COUNTY_COUNCIL, "2017-12-01");
        }

        @Test
        void aTerminationTakingEffectAfterTheContractHasEndedIsRejected() {
            assertRejected(fixture.given(POOLED_BUDGET_REGISTERED)
                            .when(new ServeNotice(POOLED_BUDGET, NoticeKind.TERMINATION, date("2017-09-01"),
                                    COUNTY_COUNCIL, date("2018-05-01"))),
                    Rejection.CONTRACT_EXPIRED, "2018-03-31", "2018-05-01");
        }

        @Test
        void servingNoticeOnceTheTerminationHasTakenEffectIsRejected() {
            assertRejected(fixture.given(POOLED_BUDGET_REGISTERED, TERMINATION_NOTICE)
                            .when(new ServeNotice(POOLED_BUDGET, NoticeKind.NON_RENEWAL, date("2017-12-01"),
                                    COUNTY_COUNCIL, null)),
                    Rejection.CONTRACT_TERMINATED, "2017-12-01", "2017-11-30");
        }
    }
}
