package org.commissioning.tracker.shared.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commissioning.tracker.shared.contract.History.date;
import static org.commissioning.tracker.shared.contract.History.period;
import static org.commissioning.tracker.shared.contract.History.rejected;

import java.util.List;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.RuleViolation;
import org.junit.jupiter.api.Test;

/** EXAMPLES.md section 2: "3 years with option to extend for a further 7 years", the option taken in tranches. */
class MidNottinghamshireExtensionTest {

    static final ContractTerms TERMS = new ContractTerms(date("2016-04-01"), period("P3Y"), null,
            List.of(ExtensionOption.of(period("P7Y"))), null, null);

    static History alliance() {
        return History.registered("MIDNOTTS-ALLIANCE", "2016-03-07", TERMS).commence("2016-04-01");
    }

    @Test
    void beforeItsStartItIsAwarded() {
        ContractState state = alliance().asOf("2016-03-31");

        assertThat(state.status()).isEqualTo(ContractStatus.AWARDED);
        assertThat(state.phase()).isNull();
        assertThat(state.startDate()).isEqualTo(date("2016-04-01"));
        assertThat(alliance().asOf("2016-03-06").status()).isEqualTo(ContractStatus.NOT_YET_AWARDED);
    }

    @Test
    void fromItsStartItIsInItsThreeYearInitialTermWithTheWholeOptionAhead() {
        ContractState state = alliance().asOf("2016-04-01");

        assertThat(state.status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(state.phase()).isEqualTo(ContractPhase.INITIAL_TERM);
        assertThat(state.endDate()).isEqualTo(date("2019-03-31"));
        assertThat(state.maximumEndDate()).isEqualTo(date("2026-03-31"));
        assertThat(state.extensionRemaining()).isEqualTo(period("P7Y"));
        assertThat(state.extensionDecisionDeadline()).isEqualTo(date("2019-03-31"));
        // 2016-04-01..2019-03-31, no 29 February in between
        assertThat(alliance().timeline().totalDaysInForce()).hasValue(1_095);
    }

    @Test
    void aFirstTrancheOfTwoYearsMovesTheEndAndLeavesFiveYearsOfTheOption() {
        History history = alliance().extend("P2Y", "2019-01-15");
        ExtensionOptionExercised exercised = (ExtensionOptionExercised) history.timeline().events().get(2);

        assertThat(exercised.optionNumber()).isEqualTo(1);
        assertThat(exercised.previousEndDate()).isEqualTo(date("2019-03-31"));
        assertThat(exercised.newEndDate()).isEqualTo(date("2021-03-31"));
        assertThat(exercised.remainingInOption()).isEqualTo(period("P5Y"));
        ContractState state = history.asOf("2019-02-01");
        assertThat(state.endDate()).isEqualTo(date("2021-03-31"));
        assertThat(state.extensionRemaining()).isEqualTo(period("P5Y"));
        assertThat(state.phase()).isEqualTo(ContractPhase.INITIAL_TERM);
        assertThat(history.asOf("2019-03-31").phase()).isEqualTo(ContractPhase.INITIAL_TERM);
        assertThat(history.asOf("2019-04-01").phase()).isEqualTo(ContractPhase.EXTENSION);
    }

    @Test
    void theSecondTrancheUsesUpTheOptionAndTheContractExpiresAfterTenYears() {
        History history = alliance().extend("P2Y", "2019-01-15").extend("P5Y", "2021-01-15");

        ContractState state = history.asOf("2021-02-01");
        assertThat(state.endDate()).isEqualTo(date("2026-03-31"));
        assertThat(state.extensionRemaining()).isNull();
        assertThat(state.extensionDecisionDeadline()).isNull();
        assertThat(history.asOf("2026-03-31").status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(history.asOf("2026-04-01").status()).isEqualTo(ContractStatus.EXPIRED);
        // 2016-04-01..2026-03-31: 10 × 365 + 29 February 2020 and 2024
        assertThat(history.timeline().totalDaysInForce()).hasValue(3_652);
        assertThat(history.timeline().durations(date("2026-04-01")).daysInForce()).isEqualTo(3_652);
    }

    @Test
    void durationsCountTheAwardTheInitialTermAndTheExtension() {
        History history = alliance().extend("P2Y", "2019-01-15").extend("P5Y", "2021-01-15");

        Durations durations = history.timeline().durations(date("2026-04-01"));

        // award 7 March to 1 April 2016: 25 days; 2019-04-01..2026-03-31: 7 × 365 + 2 leap days
        assertThat(durations.periods()).containsExactly(
                new StatePeriod(ContractStatus.AWARDED, null, date("2016-03-07"), date("2016-04-01"), 25),
                new StatePeriod(ContractStatus.ACTIVE, ContractPhase.INITIAL_TERM, date("2016-04-01"), date("2019-04-01"), 1_095),
                new StatePeriod(ContractStatus.ACTIVE, ContractPhase.EXTENSION, date("2019-04-01"), date("2026-04-01"), 2_557),
                new StatePeriod(ContractStatus.EXPIRED, null, date("2026-04-01"), null, 1));
    }

    @Test
    void extendingBeyondTheOptionIsRejectedNamingTheNewEndAndTheMaximum() {
        RuleViolation violation = rejected(() -> alliance().timeline().exerciseExtension(period("P8Y"), date("2019-01-15")),
                Rejection.EXTENSION_EXCEEDS_OPTION);

        assertThat(violation.getMessage()).contains("2027-03-31", "2026-03-31");
    }

    @Test
    void extendingBeyondWhatIsLeftOfTheOptionIsRejectedNamingWhatIsLeft() {
        History history = alliance().extend("P2Y", "2019-01-15");

        RuleViolation violation = rejected(() -> history.timeline().exerciseExtension(period("P6Y"), date("2019-02-01")),
                Rejection.EXTENSION_EXCEEDS_OPTION);

        assertThat(violation.getMessage()).contains("P5Y");
    }

    @Test
    void extendingOnceTheOptionIsUsedUpIsRejected() {
        History history = alliance().extend("P2Y", "2019-01-15").extend("P5Y", "2021-01-15");

        rejected(() -> history.timeline().exerciseExtension(period("P1Y"), date("2021-02-01")),
                Rejection.EXTENSION_OPTION_EXHAUSTED);
    }

    @Test
    void aCommandDatedBeforeTheLatestRecordedOneIsRejectedAsOutOfOrder() {
        History history = alliance().extend("P2Y", "2019-01-15");

        RuleViolation violation = rejected(() -> history.timeline().exerciseExtension(period("P1Y"), date("2019-01-14")),
                Rejection.OUT_OF_ORDER);

        assertThat(violation.getMessage()).contains("2019-01-14", "2019-01-15");
    }

    @Test
    void extendingAfterTheContractHasEndedIsRejectedAsExpired() {
        RuleViolation violation = rejected(() -> alliance().timeline().exerciseExtension(period("P7Y"), date("2019-04-15")),
                Rejection.CONTRACT_EXPIRED);

        assertThat(violation.getMessage()).contains("2019-03-31");
    }
}
