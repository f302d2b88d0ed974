package org.commissioning.tracker.command.contract;

import static org.commissioning.tracker.command.contract.SeedContracts.COUNTY_COUNCIL;
import static org.commissioning.tracker.command.contract.SeedContracts.MID_NOTTS;
import static org.commissioning.tracker.command.contract.SeedContracts.MID_NOTTS_COMMENCED;
import static org.commissioning.tracker.command.contract.SeedContracts.MID_NOTTS_REGISTERED;
import static org.commissioning.tracker.command.contract.SeedContracts.POOLED_BUDGET;
import static org.commissioning.tracker.command.contract.SeedContracts.POOLED_BUDGET_REGISTERED;
import static org.commissioning.tracker.command.contract.SeedContracts.TORBAY;
import static org.commissioning.tracker.command.contract.SeedContracts.TORBAY_COMMENCED;
import static org.commissioning.tracker.command.contract.SeedContracts.TORBAY_REGISTERED;
import static org.commissioning.tracker.command.contract.SeedContracts.assertRejected;
import static org.commissioning.tracker.command.contract.SeedContracts.date;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.contract.ContractCommands.RenewContract;
import org.commissioning.tracker.shared.contract.ContractRenewed;
import org.commissioning.tracker.shared.contract.NoticeKind;
import org.commissioning.tracker.shared.contract.NoticeServed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The section 75 agreement of {@link SeedContracts}: ends 2018-03-31; renewal points 2018-04-01 and 2019-04-01, each
 * renewal adding P1Y (to 2019-03-31, then 2020-03-31); at most 2 renewals; non-renewal notice P3M, so the deadline
 * for 2018-04-01 is 2018-01-01.
 */
class RenewalByAgreementTest {

    static final ContractRenewed FIRST_RENEWAL = new ContractRenewed(POOLED_BUDGET, date("2018-02-15"), 1,
            date("2018-04-01"), date("2019-03-31"));
    static final ContractRenewed SECOND_RENEWAL = new ContractRenewed(POOLED_BUDGET, date("2019-02-01"), 2,
            date("2019-04-01"), date("2020-03-31"));

    AggregateTestFixture<Contract> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Contract.class);
    }

    @Test
    void agreeingARenewalAddsTheIntervalFromTheComingRenewalPoint() {
        fixture.given(POOLED_BUDGET_REGISTERED)
                .when(new RenewContract(POOLED_BUDGET, date("2018-02-15")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(FIRST_RENEWAL)
                .expectResultMessagePayload(1L);
    }

    @Test
    void aRenewalRecordedOnTheEndDateIsInTime() {
        fixture.given(POOLED_BUDGET_REGISTERED)
                .when(new RenewContract(POOLED_BUDGET, date("2018-03-31")))
                .expectEvents(new ContractRenewed(POOLED_BUDGET, date("2018-03-31"), 1, date("2018-04-01"),
                        date("2019-03-31")))
                .expectResultMessagePayload(1L);
    }

    @Test
    void theLastRenewalTheTermsAllowIsAccepted() {
        fixture.given(POOLED_BUDGET_REGISTERED, FIRST_RENEWAL)
                .when(new RenewContract(POOLED_BUDGET, date("2019-02-01")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(SECOND_RENEWAL)
                .expectResultMessagePayload(2L);
    }

    @Test
    void renewingBeyondMaxRenewalsIsRejected() {
        assertRejected(fixture.given(POOLED_BUDGET_REGISTERED, FIRST_RENEWAL, SECOND_RENEWAL)
                        .when(new RenewContract(POOLED_BUDGET, date("2020-01-15"))),
                Rejection.NOT_A_RENEWAL_POINT, "2 renewals", "2020-03-31");
    }

    @Test
    void renewingAContractWithoutARenewalRuleIsRejected() {
        assertRejected(fixture.given(MID_NOTTS_REGISTERED, MID_NOTTS_COMMENCED)
                        .when(new RenewContract(MID_NOTTS, date("2017-01-01"))),
                Rejection.NO_RENEWAL_RULE, "2019-03-31");
    }

    @Test
    void recordingARenewalOfAnAutomaticallyRenewingContractIsRejected() {
        // Torbay as of 2022-06-01: next renewal point 2022-10-01, non-renewal deadline 2022-10-01 − P3M = 2022-07-01
        assertRejected(fixture.given(TORBAY_REGISTERED, TORBAY_COMMENCED)
                        .when(new RenewContract(TORBAY, date("2022-06-01"))),
                Rejection.RENEWAL_IS_AUTOMATIC, "2022-10-01", "2022-07-01");
    }

    @Test
    void renewingAfterANonRenewalNoticeIsRejected() {
        assertRejected(fixture.given(POOLED_BUDGET_REGISTERED,
                                new NoticeServed(POOLED_BUDGET, NoticeKind.NON_RENEWAL, date("2017-12-01"),
                                        COUNTY_COUNCIL, date("2018-04-01"), date("2018-03-31")))
                        .when(new RenewContract(POOLED_BUDGET, date("2018-02-01"))),
                Rejection.RENEWAL_DECLINED, "2017-12-01", COUNTY_COUNCIL, "2018-04-01", "2018-03-31");
    }

    @Test
    void renewingTwiceForTheSameRenewalPointIsRejected() {
        assertRejected(fixture.given(POOLED_BUDGET_REGISTERED, FIRST_RENEWAL)
                        .when(new RenewContract(POOLED_BUDGET, date("2018-03-01"))),
                Rejection.ALREADY_RENEWED, "2018-04-01", "2018-02-15", "2019-03-31");
    }

    @Test
    void renewingAfterTheEndDateIsRejectedAsExpired() {
        assertRejected(fixture.given(POOLED_BUDGET_REGISTERED)
                        .when(new RenewContract(POOLED_BUDGET, date("2018-04-01"))),
                Rejection.CONTRACT_EXPIRED, "2018-03-31", "2018-04-01");
    }

    @Test
    void renewingPastAPendingTerminationIsRejected() {
        assertRejected(fixture.given(POOLED_BUDGET_REGISTERED,
                                new NoticeServed(POOLED_BUDGET, NoticeKind.TERMINATION, date("2017-09-01"),
                                        COUNTY_COUNCIL, date("2017-12-01"), date("2017-11-30")))
                        .when(new RenewContract(POOLED_BUDGET, date("2017-10-01"))),
                Rejection.CONTRACT_TERMINATED, "2017-12-01", "2018-04-01");
    }
}
