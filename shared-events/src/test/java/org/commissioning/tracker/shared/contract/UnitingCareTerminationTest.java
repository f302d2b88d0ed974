package org.commissioning.tracker.shared.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commissioning.tracker.shared.contract.History.date;
import static org.commissioning.tracker.shared.contract.History.period;
import static org.commissioning.tracker.shared.contract.History.rejected;

import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Rejection;
import org.junit.jupiter.api.Test;

/** EXAMPLES.md section 3: a five-year contract terminated by the provider eight months in. */
class UnitingCareTerminationTest {

    static History contract() {
        return History.registered("UC-OPA", "2014-10-01", History.terms("2015-04-01", "P5Y"));
    }

    @Test
    void betweenAwardAndStartItIsAwardedWithItsFullTermAhead() {
        ContractState state = contract().asOf("2015-01-01");

        assertThat(state.status()).isEqualTo(ContractStatus.AWARDED);
        assertThat(state.startDate()).isEqualTo(date("2015-04-01"));
        assertThat(state.endDate()).isEqualTo(date("2020-03-31"));
        assertThat(state.awardedOn()).isEqualTo(date("2014-10-01"));
    }

    @Test
    void terminatedEffectiveFirstDecemberItWasLastInForceOnThirtiethNovember() {
        History history = contract().apply(contract().timeline()
                .terminate(date("2015-12-01"), "UnitingCare Partnership", Money.gbp("16000000.00")));

        ContractState before = history.asOf("2015-11-30");
        assertThat(before.status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(before.endDate()).isEqualTo(date("2020-03-31"));
        ContractState after = history.asOf("2015-12-01");
        assertThat(after.status()).isEqualTo(ContractStatus.TERMINATED);
        assertThat(after.phase()).isNull();
        assertThat(after.terminationEffectiveOn()).isEqualTo(date("2015-12-01"));
        assertThat(after.endDate()).isEqualTo(date("2015-11-30"));
        // April 30 + May 31 + June 30 + July 31 + August 31 + September 30 + October 31 + November 30
        assertThat(history.timeline().totalDaysInForce()).hasValue(244);
        assertThat(history.timeline().durations(date("2016-06-01")).daysInForce()).isEqualTo(244);
    }

    @Test
    void afterTheTerminationAnotherTerminationOrAnExtensionIsRejected() {
        History history = contract().terminate("2015-12-01");

        rejected(() -> history.timeline().terminate(date("2016-01-04"), "The commissioner", null),
                Rejection.CONTRACT_TERMINATED);
        rejected(() -> history.timeline().exerciseExtension(period("P1Y"), date("2016-01-04")),
                Rejection.CONTRACT_TERMINATED);
    }
}
