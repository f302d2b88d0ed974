package org.commissioning.tracker.command.contract;

import static org.commissioning.tracker.command.contract.SeedContracts.MID_NOTTS;
import static org.commissioning.tracker.command.contract.SeedContracts.MID_NOTTS_COMMENCED;
import static org.commissioning.tracker.command.contract.SeedContracts.MID_NOTTS_REGISTERED;
import static org.commissioning.tracker.command.contract.SeedContracts.SALFORD;
import static org.commissioning.tracker.command.contract.SeedContracts.SALFORD_REGISTERED;
import static org.commissioning.tracker.command.contract.SeedContracts.TORBAY;
import static org.commissioning.tracker.command.contract.SeedContracts.TORBAY_COMMENCED;
import static org.commissioning.tracker.command.contract.SeedContracts.TORBAY_REGISTERED;
import static org.commissioning.tracker.command.contract.SeedContracts.UNITING_CARE;
import static org.commissioning.tracker.command.contract.SeedContracts.UNITING_CARE_COMMENCED;
import static org.commissioning.tracker.command.contract.SeedContracts.UNITING_CARE_PARTNERSHIP;
import static org.commissioning.tracker.command.contract.SeedContracts.UNITING_CARE_REGISTERED;
import static org.commissioning.tracker.command.contract.SeedContracts.assertRejected;
import static org.commissioning.tracker.command.contract.SeedContracts.date;
import static org.commissioning.tracker.command.contract.SeedContracts.period;

import java.time.Period;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.contract.ContractCommands.ExerciseExtensionOption;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractRegistered;
import org.commissioning.tracker.shared.contract.ContractTerminated;
import org.commissioning.tracker.shared.contract.ContractTerms;
import org.commissioning.tracker.shared.contract.ExtensionOption;
import org.commissioning.tracker.shared.contract.ExtensionOptionExercised;
import org.commissioning.tracker.shared.contract.RenewalMode;
import org.commissioning.tracker.shared.contract.RenewalRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mid-Nottinghamshire (EXAMPLES.md 2): ends 2019-03-31, option P7Y taken in tranches from the anchor 2019-04-01, so the
 * maximum is 2019-04-01 + P7Y − 1 = 2026-03-31; no notice period, so the decision is due by the end date.
 */
class ExtensionOptionTest {

    static final ExtensionOptionExercised TWO_YEARS_TAKEN = new ExtensionOptionExercised(MID_NOTTS,
            date("2019-01-15"), period("P2Y"), 1, date("2019-03-31"), date("2021-03-31"), period("P5Y"));
    static final ExtensionOptionExercised REST_TAKEN = new ExtensionOptionExercised(MID_NOTTS,
            date("2021-01-15"), period("P5Y"), 1, date("2021-03-31"), date("2026-03-31"), Period.ZERO);

    AggregateTestFixture<Contract> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Contract.class);
    }

    @Test
    void takingPartOfTheOptionAppendsItToTheEndAndLeavesTheRest() {
        fixture.given(MID_NOTTS_REGISTERED, MID_NOTTS_COMMENCED)
                .when(new ExerciseExtensionOption(MID_NOTTS, period("P2Y"), date("2019-01-15")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(TWO_YEARS_TAKEN)
                .expectResultMessagePayload(2L);
    }

    @Test
    void takingTheRestOfTheOptionEndsAtTheMaximumWithNothingLeft() {
        fixture.given(MID_NOTTS_REGISTERED, MID_NOTTS_COMMENCED, TWO_YEARS_TAKEN)
                .when(new ExerciseExtensionOption(MID_NOTTS, period("P5Y"), date("2021-01-15")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REST_TAKEN)
                .expectResultMessagePayload(3L);
    }

    @Test
    void exercisingOnTheEndDateIsInTimeWhenTheOptionSetsNoNotice() {
        fixture.given(MID_NOTTS_REGISTERED, MID_NOTTS_COMMENCED)
                .when(new ExerciseExtensionOption(MID_NOTTS, period("P7Y"), date("2019-03-31")))
                .expectEvents(new ExtensionOptionExercised(MID_NOTTS, date("2019-03-31"), period("P7Y"), 1,
                        date("2019-03-31"), date("2026-03-31"), Period.ZERO))
                .expectResultMessagePayload(2L);
    }

    @Test
    void exercisingOnTheNoticeDeadlineIsInTime() {
        // Salford-like: ends 2021-06-30, option P5Y with notice P6M: deadline 2021-07-01 − P6M = 2021-01-01
        fixture.given(SALFORD_REGISTERED)
                .when(new ExerciseExtensionOption(SALFORD, period("P5Y"), date("2021-01-01")))
                .expectEvents(new ExtensionOptionExercised(SALFORD, date("2021-01-01"), period("P5Y"), 1,
                        date("2021-06-30"), date("2026-06-30"), Period.ZERO))
                .expectResultMessagePayload(1L);
    }

    /**
     * A 3+1+1 contract (chosen): P3Y from 2016-04-01 (ends 2019-03-31), then two options of P1Y, each with notice P3M.
     * After the first, the contract ends 2020-03-31 and the second must be exercised by 2020-04-01 − P3M = 2020-01-01.
     */
    static final ContractId THREE_ONE_ONE = ContractId.of("COMMUNITY-3-1-1");
    static final ContractRegistered THREE_ONE_ONE_REGISTERED = new ContractRegistered(THREE_ONE_ONE,
            "Community services", MID_NOTTS_REGISTERED.kind(), MID_NOTTS_REGISTERED.commissioners(),
            MID_NOTTS_REGISTERED.providers(), null, date("2016-03-07"),
            new ContractTerms(date("2016-04-01"), period("P3Y"), null,
                    List.of(new ExtensionOption(period("P1Y"), period("P3M")),
                            new ExtensionOption(period("P1Y"), period("P3M"))), null, null),
            null, null);

    @Test
    void theSecondOptionIsExercisedAfterTheFirstIsUsedUp() {
        fixture.given(THREE_ONE_ONE_REGISTERED, new ExtensionOptionExercised(THREE_ONE_ONE, date("2018-12-01"),
                        period("P1Y"), 1, date("2019-03-31"), date("2020-03-31"), Period.ZERO))
                .when(new ExerciseExtensionOption(THREE_ONE_ONE, period("P1Y"), date("2020-01-01")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ExtensionOptionExercised(THREE_ONE_ONE, date("2020-01-01"), period("P1Y"), 2,
                        date("2020-03-31"), date("2021-03-31"), Period.ZERO))
                .expectResultMessagePayload(2L);
    }

    @Test
    void takingTwoOptionsInOneExerciseIsRejected() {
        // 2019-04-01 + P2Y − 1 = 2021-03-31, after 2020-03-31, the most the first option allows
        assertRejected(fixture.given(THREE_ONE_ONE_REGISTERED)
                        .when(new ExerciseExtensionOption(THREE_ONE_ONE, period("P2Y"), date("2018-12-01"))),
                Rejection.EXTENSION_EXCEEDS_OPTION, "2021-03-31", "2020-03-31", "P1Y");
    }

    @Test
    void extendingBeyondTheOptionIsRejected() {
        // 2019-04-01 + P8Y − 1 = 2027-03-31, after the maximum 2026-03-31
        assertRejected(fixture.given(MID_NOTTS_REGISTERED, MID_NOTTS_COMMENCED)
                        .when(new ExerciseExtensionOption(MID_NOTTS, period("P8Y"), date("2019-01-15"))),
                Rejection.EXTENSION_EXCEEDS_OPTION, "2027-03-31", "2026-03-31", "P7Y");
    }

    @Test
    void extendingBeyondWhatIsLeftOfTheOptionIsRejected() {
        // after P2Y, P5Y is left; P6Y more would end on 2019-04-01 + P8Y − 1 = 2027-03-31
        assertRejected(fixture.given(MID_NOTTS_REGISTERED, MID_NOTTS_COMMENCED, TWO_YEARS_TAKEN)
                        .when(new ExerciseExtensionOption(MID_NOTTS, period("P6Y"), date("2021-01-15"))),
                Rejection.EXTENSION_EXCEEDS_OPTION, "2027-03-31", "2026-03-31", "P5Y");
    }

    @Test
    void extendingAfterTheOptionIsUsedUpIsRejected() {
        assertRejected(fixture.given(MID_NOTTS_REGISTERED, MID_NOTTS_COMMENCED, TWO_YEARS_TAKEN, REST_TAKEN)
                        .when(new ExerciseExtensionOption(MID_NOTTS, period("P1Y"), date("2022-01-10"))),
                Rejection.EXTENSION_OPTION_EXHAUSTED, "P7Y", "2026-03-31");
    }

    @Test
    void extendingAContractWithoutOptionsIsRejected() {
        assertRejected(fixture.given(TORBAY_REGISTERED, TORBAY_COMMENCED)
                        .when(new ExerciseExtensionOption(TORBAY, period("P1Y"), date("2018-06-01"))),
                Rejection.NO_EXTENSION_OPTION, "2020-09-30");
    }

    @Test
    void exercisingAfterTheNoticeDeadlineIsRejected() {
        assertRejected(fixture.given(SALFORD_REGISTERED)
                        .when(new ExerciseExtensionOption(SALFORD, period("P5Y"), date("2021-01-02"))),
                Rejection.EXTENSION_DEADLINE_PASSED, "2021-01-01", "P6M", "2021-07-01", "2021-01-02");
    }

    @Test
    void exercisingAnOptionAfterTheContractRenewedIsRejected() {
        // a Torbay variant with an option of P1Y (chosen): it renews automatically on 2020-10-01, to
        // 2020-10-01 + P3Y − 1 = 2023-09-30, and the option lapses
        ContractId id = ContractId.of("TORBAY-ICO-OPTION");
        ContractTerms terms = new ContractTerms(date("2015-10-01"), period("P5Y"), null,
                List.of(ExtensionOption.of(period("P1Y"))),
                new RenewalRule(RenewalMode.AUTOMATIC, period("P1Y"), period("P3Y"), period("P3M"), null), null);
        ContractRegistered registered = new ContractRegistered(id, TORBAY_REGISTERED.title(),
                TORBAY_REGISTERED.kind(), TORBAY_REGISTERED.commissioners(), TORBAY_REGISTERED.providers(), null,
                date("2015-10-01"), terms, null, null);
        assertRejected(fixture.given(registered)
                        .when(new ExerciseExtensionOption(id, period("P1Y"), date("2020-10-02"))),
                Rejection.EXTENSION_DEADLINE_PASSED, "2020-10-01", "2023-09-30");
    }

    @Test
    void extendingAfterTheEndIsRejectedAsExpired() {
        assertRejected(fixture.given(MID_NOTTS_REGISTERED, MID_NOTTS_COMMENCED)
                        .when(new ExerciseExtensionOption(MID_NOTTS, period("P7Y"), date("2019-04-15"))),
                Rejection.CONTRACT_EXPIRED, "2019-03-31", "2019-04-15");
    }

    @Test
    void extendingATerminatedContractIsRejected() {
        assertRejected(fixture.given(UNITING_CARE_REGISTERED, UNITING_CARE_COMMENCED,
                                new ContractTerminated(UNITING_CARE, date("2015-12-01"), UNITING_CARE_PARTNERSHIP, null))
                        .when(new ExerciseExtensionOption(UNITING_CARE, period("P1Y"), date("2016-01-04"))),
                Rejection.CONTRACT_TERMINATED, "2015-12-01", "2015-11-30");
    }

    @Test
    void extendingWithADateBeforeTheLatestRecordedOneIsRejected() {
        assertRejected(fixture.given(MID_NOTTS_REGISTERED, MID_NOTTS_COMMENCED, TWO_YEARS_TAKEN)
                        .when(new ExerciseExtensionOption(MID_NOTTS, period("P5Y"), date("2019-01-10"))),
                Rejection.OUT_OF_ORDER, "2019-01-10", "2019-01-15");
    }
}
